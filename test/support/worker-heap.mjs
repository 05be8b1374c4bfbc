// The JS heap of a page's dedicated workers, through the Chrome DevTools Protocol: `performance.memory` does not
// exist in workers, and Playwright's CDP sessions attach to pages only. So one session per page auto-attaches to
// the page's own workers (Target.setAutoAttach, unflattened), follows them as they come and go, and asks each one
// over Target.sendMessageToTarget. One session, kept: Chromium announces a worker to the first auto-attach only.
// Shared by the log analyzer's e2e test and its benchmark.

/** A live worker answers at once, even in the middle of a long task (V8 serves the inspector on interrupts). */
const ANSWER_WITHIN_MS = 10_000;

/** Per page: its session, the sessions of its live workers, and the replies being waited for. */
const watchers = new WeakMap();

function watch(page) {
  let watcher = watchers.get(page);
  if (!watcher) {
    watcher = (async () => {
      const session = await page.context().newCDPSession(page);
      const workers = new Set();
      const replies = new Map();
      session.on("Target.attachedToTarget", (event) => {
        if (event.targetInfo.type === "worker") workers.add(event.sessionId);
      });
      session.on("Target.detachedFromTarget", (event) => workers.delete(event.sessionId));
      session.on("Target.receivedMessageFromTarget", (event) => {
        const message = JSON.parse(event.message);
        replies.get(message.id)?.(message.result?.usedSize);
      });
      await session.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
      // The announcements of workers that already exist arrive around the answer.
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { session, workers, replies, nextId: 1 };
    })();
    watchers.set(page, watcher);
  }
  return watcher;
}

/**
 * Bytes of JS heap in use in each of the page's workers right now (an empty array when it has none).
 *
 * @param {import("playwright-core").Page} page
 * @returns {Promise<number[]>}
 */
export async function workerHeapsUsed(page) {
  const watcher = await watch(page);
  const heaps = await Promise.all(
    [...watcher.workers].map(async (sessionId) => {
      const id = watcher.nextId++;
      const heap = new Promise((resolve) => {
        watcher.replies.set(id, resolve);
        // A worker being terminated may still be listed but never answers: it is gone.
        setTimeout(() => resolve(undefined), ANSWER_WITHIN_MS);
      });
      const message = JSON.stringify({ id, method: "Runtime.getHeapUsage" });
      await watcher.session.send("Target.sendMessageToTarget", { sessionId, message }).catch(() => undefined);
      const used = await heap;
      watcher.replies.delete(id);
      return used;
    }),
  );
  return heaps.filter((heap) => heap !== undefined);
}
