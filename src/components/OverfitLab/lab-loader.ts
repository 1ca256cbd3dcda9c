// The only lab code a page loads up front. The lab itself (its element, its charts and the
// library that counts its parameters) loads as the reader scrolls near it, or at once when the
// address holds lab settings (#lab?…), so loading the lesson does none of the lab's work.
import { settingsFromHash } from '../../lab/settings.ts';

const lab = document.querySelector('overfit-lab');

const nearViewport = new IntersectionObserver((entries) => {
  if (entries.some((entry) => entry.isIntersecting)) load();
}, { rootMargin: '200px 0px' });

function onHashChange() {
  if (settingsFromHash(location.hash)) load();
}

function load() {
  nearViewport.disconnect();
  removeEventListener('hashchange', onHashChange);
  void import('./overfit-lab.ts');
}

if (lab) {
  if (settingsFromHash(location.hash)) load();
  else {
    nearViewport.observe(lab);
    addEventListener('hashchange', onHashChange);
  }
}
