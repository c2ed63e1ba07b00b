/**
 * An init script (page.addInitScript) for callee pages: clicks "Answer" the moment an enabled one
 * appears, so "INVITE → 200" measures the callee's own work and not the benchmark driver's latency.
 * The click goes through the page's handlers like a user's (recordClickTimes notes it).
 */
export function autoAnswer(): void {
  const clickAnswer = () => {
    for (const button of document.querySelectorAll('button')) {
      if (button.textContent?.trim() === 'Answer' && !button.disabled && !button.dataset.benchAnswered) {
        button.dataset.benchAnswered = '1';
        button.click();
      }
    }
  };
  new MutationObserver(clickAnswer).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
}
