import type { Child } from 'hono/jsx';

/**
 * Bare error pages for the kernel. They carry their own few styles: they must render even when the theme, the
 * stylesheet or the database is what failed.
 */
function ErrorLayout(props: { title: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>{props.title} · Orion</title>
        <style>{`body{font-family:system-ui,sans-serif;color:#1f2937;background:#f9fafb;margin:0;display:grid;place-items:center;min-height:100vh}
main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.5rem;margin:0 0 .5rem}p{color:#4b5563;line-height:1.5}
code{background:#e5e7eb;padding:.1rem .35rem;border-radius:.25rem}a{color:#4338ca}`}</style>
      </head>
      <body>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

export function ErrorPage(props: { status: number; title: string; detail: string; errorId?: string }) {
  return (
    <ErrorLayout title={props.title}>
      <p aria-hidden="true" style="font-size:3rem;margin:0;color:#9ca3af">
        {props.status}
      </p>
      <h1>{props.title}</h1>
      <p>{props.detail}</p>
      {props.errorId ? (
        <p>
          Error id: <code>{props.errorId}</code>
        </p>
      ) : null}
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </ErrorLayout>
  );
}

/** Hono's `c.html` writes no doctype; without one, browsers render in quirks mode. */
export function renderDocument(node: unknown): string {
  return `<!DOCTYPE html>${String(node)}`;
}
