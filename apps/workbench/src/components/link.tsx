import type { ComponentChildren } from 'preact';
import { BASE, navigate, usePath } from '../router';

/** A link inside the workbench: a real href (open in a new tab works), followed without reloading the page. */
export function Link({ href, children, class: className }: { href: string; children: ComponentChildren; class?: string }) {
  const path = usePath();
  const current = path.split('?')[0] === href.split('?')[0];
  return (
    <a
      href={BASE + href}
      class={className}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
