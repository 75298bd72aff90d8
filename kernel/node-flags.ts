/**
 * The Node flags the server runs with: `npm start` (package.json), `npm run dev` and the benchmarks' server
 * processes use this list, and a test keeps package.json in step with it.
 *
 * `--max-semi-space-size=64` (MB; Node's default is 16): a request's short-lived objects (the request, the response,
 * its header strings) must die in the young generation. In `bench/plugin-dispatch`, with the default size they were
 * often still referenced at the next scavenge and got promoted (3.8 KB of every request instead of 0.2 KB), so the
 * old generation filled with garbage and GC took about 18 µs of a 200 µs request. With 64 MB the kernel served
 * 15–25% more requests a second, while a bare Hono app gained nothing. The young generation (two semi-spaces) can grow to 128 MB;
 * it stays smaller while allocation is slow.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--enable-source-maps', '--max-semi-space-size=64'];
