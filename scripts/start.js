// `npm start`: serves the built app. adapter-node assumes https when it cannot know the public
// address, which would make the sheets' QR codes and the API's links wrong on a local machine:
// without ORIGIN, say it is http on the local port. Behind a proxy, set ORIGIN (see README).
process.env.ORIGIN ??= `http://localhost:${process.env.PORT ?? 3000}`;
// Extracts of the national cartography go through the import review's upload form (20 MB at most).
// That is the only request allowed so large: every other one is refused past 1 MB on its
// Content-Length, before its body is read (src/lib/server/http/body-limit.ts).
process.env.BODY_SIZE_LIMIT ??= '25M';
await import('../build/index.js');
