/**
 * Where the focus goes after the learner chooses a story: to the Play / Pause button of the
 * timeline that story is on, so Space pauses it next (rather than pressing the story's button
 * again and starting it over). The page then shows the scene the story plays in, from its top.
 */

/** The main timeline's Play / Pause button (the first on the page: the main run's). */
export function playButton(root: ParentNode = document): HTMLButtonElement | null {
  return root.querySelector<HTMLButtonElement>('[data-control="play"]');
}

/** Move the focus to Play / Pause; false when there is none to take it (none on the page, or disabled). */
export function focusPlay(root: ParentNode = document): boolean {
  const button = playButton(root);
  if (!button || button.disabled) return false;
  // The browser's own scroll to a focused button shows only the button: on a phone the scene above
  // it, where the story plays, was cut off at its top. The scene is shown once the story has drawn.
  button.focus({ preventScroll: true });
  const scene = root.querySelector<HTMLElement>('.scene');
  requestAnimationFrame(() => reveal(scene, button));
  return document.activeElement === button;
}

/**
 * Scroll so the scene, from its top down to the Play button, is in view; where the two do not fit
 * in the window together, the button (which has the focus) is shown at its bottom. Nothing moves
 * when both are in view already.
 */
function reveal(scene: HTMLElement | null, button: HTMLElement): void {
  const end = button.getBoundingClientRect().bottom;
  const top = Math.min(scene?.getBoundingClientRect().top ?? end, button.getBoundingClientRect().top);
  const view = window.innerHeight;
  if (top >= 0 && end <= view) return;
  window.scrollBy({ top: end - top <= view ? top : end - view, behavior: 'instant' });
}
