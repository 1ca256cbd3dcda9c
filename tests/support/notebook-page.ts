// What the notebook's browser tests do with a lesson page: open it, edit a cell, run it, read
// what the run printed (not the output saved with the page at build time).
import { expect, type Locator, type Page } from '@playwright/test';

export const LESSON = 'lessons/01-what-are-parameters/';

export async function openLesson(page: Page, url = LESSON): Promise<Locator> {
  await page.goto(url);
  return page.locator('param-cell');
}

/** The output of the reader's last run of `cell`. */
export function runOutput(cell: Locator): Locator {
  return cell.locator('[data-part="output"]:not([data-origin]) pre');
}

/** Replaces the code of `cell`, typing it into the cell's editor. */
export async function replaceCode(cell: Locator, code: string): Promise<void> {
  await cell.locator('[data-part="code"]').click();
  const editor = cell.locator('.cm-content');
  await editor.focus();
  await editor.press('ControlOrMeta+a');
  await editor.page().keyboard.insertText(code);
  await expect(cell.locator('.cm-content')).toHaveText(code.replaceAll('\n', ''));
}

/** Clicks Run on a cell that has not run yet and waits for the run to end; returns its output. */
export async function runOnce(cell: Locator): Promise<Locator> {
  await cell.locator('[data-action="run"]').click();
  await expect(runOutput(cell)).toBeVisible();
  // A cell that trains (lesson 4) can take several seconds when the machine is busy.
  await expect(cell.locator('[data-part="count"]')).toHaveText(/^\[\d+\]$/, { timeout: 30_000 });
  return runOutput(cell);
}

/** Answers every dialog the page opens (accepts or dismisses it); returns their messages, in order. */
export function answerDialogs(page: Page, accept: boolean): string[] {
  const messages: string[] = [];
  page.on('dialog', (dialog) => {
    messages.push(dialog.message());
    void (accept ? dialog.accept() : dialog.dismiss());
  });
  return messages;
}
