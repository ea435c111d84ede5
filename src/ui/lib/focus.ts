/**
 * Where the focus goes after the learner chooses a story: to the Play / Pause button of the
 * timeline that story is on, so Space pauses it next (rather than pressing the story's button
 * again and starting it over).
 */

/** The main timeline's Play / Pause button (the first on the page: the main run's). */
export function playButton(root: ParentNode = document): HTMLButtonElement | null {
  return root.querySelector<HTMLButtonElement>('[data-control="play"]');
}

/** Move the focus to Play / Pause; false when there is none to take it (none on the page, or disabled). */
export function focusPlay(root: ParentNode = document): boolean {
  const button = playButton(root);
  if (!button || button.disabled) return false;
  button.focus();
  return document.activeElement === button;
}
