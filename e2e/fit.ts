/**
 * What does not fit on the page in view: the scenes (the library), their captions and their
 * transports must lie wholly inside the viewport without scrolling, and nothing may stick out
 * sideways — not the page itself, and nothing drawn inside a scene or a transport past that
 * panel's own right edge. One evaluate per call, so a test can measure every beat of a story.
 */
import type { Page } from '@playwright/test';

/** With `sideways` only, what sticks out sideways (a phone scrolls down, never sideways). */
export async function misfitsOf(page: Page, { sideways = false } = {}): Promise<string[]> {
  return page.evaluate((sidewaysOnly) => {
    const out: string[] = [];
    const root = document.documentElement;
    if (!sidewaysOnly && window.scrollY !== 0) out.push(`scrolled down ${window.scrollY} px`);
    if (root.scrollWidth > root.clientWidth) out.push(`the page is ${root.scrollWidth - root.clientWidth} px too wide`);
    const parts: [string, string][] = [
      ['scene', 'section.scene'],
      ['caption', '.scene__caption'],
      ['transport', 'section.controls'],
    ];
    for (const [name, selector] of parts) {
      const found = [...document.querySelectorAll<HTMLElement>(selector)];
      if (found.length === 0) out.push(`no ${name} drawn`);
      for (const el of found) {
        const r = el.getBoundingClientRect();
        if (!sidewaysOnly && r.top < 0) out.push(`${name} top at ${Math.round(r.top)}`);
        if (!sidewaysOnly && r.bottom > window.innerHeight + 0.5)
          out.push(`${name} bottom at ${Math.round(r.bottom)} > ${window.innerHeight}`);
        if (r.right > root.clientWidth + 0.5) out.push(`${name} right at ${Math.round(r.right)} > ${root.clientWidth}`);
        // Anything inside it drawn past its right edge (a long name, a row of books, a warning).
        for (const child of el.querySelectorAll<HTMLElement>('*')) {
          const c = child.getBoundingClientRect();
          // What is drawn for screen readers only (clipped to nothing) is not seen.
          if (c.width === 0 || c.height === 0 || child.closest('.sr-only')) continue;
          // Nor what is laid over the panel (absolutely placed, or inside something that is).
          let over = false;
          for (let a: Element | null = child; a && a !== el; a = a.parentElement)
            if (getComputedStyle(a).position === 'absolute') over = true;
          if (over) continue;
          if (c.right > r.right + 0.5) {
            const what = child.className || child.tagName.toLowerCase();
            out.push(`${name}: .${String(what).split(' ')[0]} sticks out ${Math.round(c.right - r.right)} px`);
            break;
          }
        }
      }
    }
    return out;
  }, sideways);
}
