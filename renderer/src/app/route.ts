import { useCallback, useEffect, useState } from 'react';

// Screens are addressed by the URL's hash (#/inbox/<thread>), so back/forward and reloads keep the place.
export type Route =
  | { view: 'inbox'; threadId?: string; filter?: 'pending' | 'unreviewed' }
  | { view: 'import' }
  | { view: 'claims'; claimId?: string }
  | { view: 'site'; tab?: 'settings' | 'export' }
  | { view: 'audit' }
  | { view: 'settings' }
  | { view: 'help' };

export type View = Route['view'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const [view, id] = parts;
  switch (view) {
    case 'import':
      return { view: 'import' };
    case 'review':
      // A link into the inbox with a filter set ("conversations waiting", "personal data to review").
      return id === 'pending' || id === 'unreviewed' ? { view: 'inbox', filter: id } : { view: 'inbox' };
    case 'claims':
      return id ? { view: 'claims', claimId: id } : { view: 'claims' };
    case 'site':
      return id === 'export' ? { view: 'site', tab: 'export' } : { view: 'site' };
    case 'audit':
      return { view: 'audit' };
    case 'settings':
      return { view: 'settings' };
    case 'help':
      return { view: 'help' };
    default:
      return id ? { view: 'inbox', threadId: id } : { view: 'inbox' };
  }
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'inbox':
      if (route.filter) return `#/review/${route.filter}`;
      return route.threadId ? `#/inbox/${encodeURIComponent(route.threadId)}` : '#/inbox';
    case 'claims':
      return route.claimId ? `#/claims/${encodeURIComponent(route.claimId)}` : '#/claims';
    case 'site':
      return route.tab === 'export' ? '#/site/export' : '#/site';
    default:
      return `#/${route.view}`;
  }
}

export function useRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = useCallback((next: Route, options?: { replace?: boolean }) => {
    const hash = routeHash(next);
    if (options?.replace) window.history.replaceState(null, '', hash);
    else if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    setRoute(parseRoute(hash));
  }, []);
  return [route, navigate];
}
