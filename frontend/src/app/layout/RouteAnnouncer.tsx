// After a client-side navigation nothing tells a screen reader that the page changed, and
// focus stays on the link that was activated (or falls to <body>). This moves focus to
// the new page's h1 and announces its text in a polite live region, as a full page load
// would. The first render is left alone: the browser announces a loaded page itself.
import { VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { MAIN_ID } from './SkipLink';

// Pages load lazily: wait this long for the new page's heading to replace the old one.
const WAIT_FOR_NEW_HEADING_MS = 3000;

function pageHeading(): HTMLHeadingElement | null {
  return document.getElementById(MAIN_ID)?.querySelector('h1') ?? document.querySelector('main h1');
}

export function RouteAnnouncer() {
  const { pathname } = useLocation();
  const [message, setMessage] = useState('');
  const previous = useRef<{ pathname: string; heading: HTMLHeadingElement | null } | null>(null);

  useEffect(() => {
    const before = previous.current;
    previous.current = { pathname, heading: pageHeading() };
    if (!before || before.pathname === pathname) return;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      const heading = pageHeading();
      const fresh = heading && (heading !== before.heading || !document.contains(before.heading));
      if (!heading || (!fresh && Date.now() - started < WAIT_FOR_NEW_HEADING_MS)) {
        timer = setTimeout(settle, 50);
        return;
      }
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      setMessage(heading.textContent?.trim() || document.title);
      if (previous.current) previous.current.heading = heading;
    };
    timer = setTimeout(settle, 0);
    return () => clearTimeout(timer);
  }, [pathname]);

  return (
    <VisuallyHidden aria-live="polite" aria-atomic="true" data-testid="route-announcer">
      {message}
    </VisuallyHidden>
  );
}

/** The root route's element: the announcer once, around every layout. */
export function RouteFrame() {
  return (
    <>
      <RouteAnnouncer />
      <Outlet />
    </>
  );
}
