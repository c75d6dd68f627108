// The playground in a real browser: opens the GraphQL UI of a running diplograph in headless
// Chromium (Debian's, through playwright-core), runs the starter query it opens with and checks the
// seed quote in the result pane, then pastes the leader → visit → sector → quote query,
// runs it, and checks that the result pane shows a quote from the seed article. Then runs the README's
// statementAdded subscription in the same UI (over its WebSocket), writes a statement with the editor
// token, and checks that the event appears in the result pane. Saves screenshots.
//   node playground.mjs http://localhost:8080 ../../../target/playground.png <editor token>
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const screenshot = process.argv[3] ?? 'playground.png';
const token = process.argv[4];
const SUBSCRIPTION = `subscription {
  statementAdded(filter: {speaker: "lee-jae-myung", sector: "defense-industry"}) {
    key text speaker { name } source { outlet }
  }
}`;
const LIVE_KEY = `playground-live-${Date.now()}`;
const QUERY = `{
  leader(slug: "lee-jae-myung") {
    name
    visits(first: 1) {
      key
      sectors {
        sector { name }
        quotes(first: 3) { text kind source { outlet } }
      }
    }
  }
}`;
// Quoted from Lee in the seed interview, verbatim; the first quote of the first area, so it is on screen.
const EXPECTED = 'brotherly nations bound by blood';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true });
let failure = null;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${base}/q/graphql-ui/`);
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.waitFor({ timeout: 30000 });
  const result = page.locator('.graphiql-response .result-window');

  // The page opens on the starter query (PlaygroundStarter), which runs as it is.
  const starter = await editor.innerText();
  if (!starter.includes('# diplograph') || !starter.includes('visits(first: 3)')) {
    throw new Error(`the playground did not open on the starter query:\n${starter.slice(0, 500)}`);
  }
  await page.locator('.graphiql-execute-button').click();
  await result.getByText(EXPECTED, { exact: false }).first().waitFor({ timeout: 30000 });
  if ((await result.innerText()).includes('"errors"')) {
    throw new Error(`the starter query answered with errors:\n${(await result.innerText()).slice(0, 2000)}`);
  }
  const opened = screenshot.replace(/\.png$/, '-starter.png');
  await page.screenshot({ path: opened, fullPage: true });
  console.log(`PLAYGROUND ok: the page opened on the starter query, which showed "${EXPECTED}"; screenshot ${opened}`);

  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(QUERY); // as a paste: no auto-closed brackets
  await page.locator('.graphiql-execute-button').click();
  await result.getByText(EXPECTED, { exact: false }).first().waitFor({ timeout: 30000 });
  const text = await result.innerText();
  if (!text.includes('"Lee Jae Myung"') || text.includes('"errors"')) {
    failure = `unexpected result pane:\n${text.slice(0, 2000)}`;
  }
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`PLAYGROUND ok: the result pane shows "${EXPECTED}"; screenshot ${screenshot}`);

  if (token && !failure) {
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(SUBSCRIPTION);
    // GraphiQL routes an operation to its WebSocket client only once it has parsed the editor's text.
    await page.waitForTimeout(1500);
    await page.locator('.graphiql-execute-button').click();
    // The subscription registers asynchronously: write until the event shows (each write is a new statement).
    let seen = false;
    for (let i = 0; i < 20 && !seen; i++) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `mutation($k: String!) { upsertStatement(input: {key: $k, speaker: "lee-jae-myung",
          text: "Written while the playground listens.", kind: DIRECT, source: "aa-2025-11-23-lee-interview",
          sectors: ["defense-industry"]}) { key } }`, variables: { k: `${LIVE_KEY}-${i}` } }),
      });
      const body = await response.json();
      if (body.errors) throw new Error(`write failed: ${JSON.stringify(body.errors)}`);
      try {
        await result.getByText(LIVE_KEY, { exact: false }).first().waitFor({ timeout: 1500 });
        seen = true;
      } catch (notYet) { /* write again */ }
    }
    if (!seen) {
      failure = `the subscription result never appeared in the playground:\n${(await result.innerText()).slice(0, 1500)}`;
    } else {
      const live = screenshot.replace(/\.png$/, '-subscription.png');
      await page.screenshot({ path: live, fullPage: true });
      console.log(`PLAYGROUND ok: the statementAdded subscription showed a new statement; screenshot ${live}`);
    }
  }
} catch (e) {
  failure = e.message;
  try { console.error((await browser.contexts()[0].pages()[0].locator(".graphiql-response").innerText()).slice(0, 1500)); } catch (ignored) { /* nothing to show */ }
} finally {
  await browser.close();
}
if (failure) {
  console.error(`PLAYGROUND failed: ${failure}`);
  process.exit(1);
}
