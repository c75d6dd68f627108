// The playground in a real browser: opens the GraphQL UI of a running diplograph in headless
// Chromium (Debian's, through playwright-core), pastes the leader → visit → sector → quote query,
// runs it, and checks that the result pane shows a quote from the seed article. Saves a screenshot.
//   node playground.mjs http://localhost:8080 ../../../target/playground.png
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const screenshot = process.argv[3] ?? 'playground.png';
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
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(QUERY); // as a paste: no auto-closed brackets
  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.graphiql-response .result-window');
  await result.getByText(EXPECTED, { exact: false }).first().waitFor({ timeout: 30000 });
  const text = await result.innerText();
  if (!text.includes('"Lee Jae Myung"') || text.includes('"errors"')) {
    failure = `unexpected result pane:\n${text.slice(0, 2000)}`;
  }
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`PLAYGROUND ok: the result pane shows "${EXPECTED}"; screenshot ${screenshot}`);
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
