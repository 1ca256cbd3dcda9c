// <check-yourself>: checks the count a reader typed against the answers the page rendered (each
// `[data-part="answer"]` carries its count), and says why it is right or which mistake gives it.
import { joinSentences } from '../../i18n/join-sentences.ts';

interface Labels {
  right: string;
  wrong: string;
  unknown: string;
  notANumber: string;
}

/** "61,706", "61 706" and "61706" are the same count; anything but digits is not one. */
function parseCount(text: string): number | null {
  const digits = text.trim().replace(/[\s,，_'’]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

class CheckYourself extends HTMLElement {
  connectedCallback() {
    const labels: Labels = JSON.parse(this.dataset.labels ?? '{}');
    const form = this.querySelector<HTMLFormElement>('[data-part="form"]')!;
    const guess = this.querySelector<HTMLInputElement>('[data-part="guess"]')!;
    const feedback = this.querySelector<HTMLElement>('[data-part="feedback"]')!;
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const count = parseCount(guess.value);
      const answer = count === null ? null : this.querySelector<HTMLElement>(`[data-part="answer"][data-count="${count}"]`);
      const correct = answer?.dataset.correct === 'true';
      const why = answer?.querySelector('[data-part="why"]')?.textContent ?? '';
      if (count === null) feedback.textContent = labels.notANumber;
      else if (answer) feedback.textContent = joinSentences(correct ? labels.right : labels.wrong, why);
      else feedback.textContent = joinSentences(labels.wrong, labels.unknown);
      feedback.dataset.verdict = correct ? 'right' : 'wrong';
      guess.setAttribute('aria-invalid', String(!correct));
    });
  }
}

customElements.define('check-yourself', CheckYourself);
