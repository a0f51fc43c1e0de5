export function SiteView({ tab }: { tab: 'settings' | 'export' }) {
  return <main className="page" id="main"><h1 className="page-title">Site {tab}</h1></main>;
}
