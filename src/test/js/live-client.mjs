// End-to-end check and latency measurement of the subscriptions with the graphql-ws client library
// (graphql-transport-ws protocol): subscribes, commits N statements one after the other over HTTP,
// and checks that every one arrives, once, in commit order. Prints the delivery latency.
//   node live-client.mjs <http://host:port> <editor token> [N]
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [base, token, countArg] = process.argv.slice(2);
const N = Number(countArg ?? 1000);
const prefix = `lc${Date.now().toString(36)}`;

async function post(query, variables = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (response.status !== 200 || body.errors) {
    throw new Error(`write failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body;
}

await post(`mutation($p: String!, $leader: String!, $source: String!) {
  c: upsertCountry(input: {code: "ZQ", name: "Latency"}) { code }
  s: upsertSource(input: {key: $source, outlet: "Latency Wire"}) { key }
  l: upsertLeader(input: {slug: $leader, name: $p, office: "President", country: "ZQ"}) { slug } }`,
  { p: prefix, leader: `${prefix}-leader`, source: `${prefix}-source` });

const client = createClient({ url: `${base.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false });
const received = [];
const arrivals = new Map();
let resolveAll;
const all = new Promise((resolve) => { resolveAll = resolve; });
const unsubscribe = client.subscribe(
  { query: `subscription($s: String!) { statementAdded(filter: {speaker: $s}) { key speaker { slug } } }`,
    variables: { s: `${prefix}-leader` } },
  {
    next: (result) => {
      const now = performance.now();
      if (result.errors) {
        console.error('subscription error', JSON.stringify(result.errors));
        process.exit(1);
      }
      const key = result.data.statementAdded.key;
      received.push(key);
      arrivals.set(key, now);
      if (received.length === N) resolveAll();
    },
    error: (e) => { console.error('subscription failed', e); process.exit(1); },
    complete: () => {},
  });

// The protocol has no "subscribed" acknowledgement: write probes until one comes back.
const probe = async () => {
  for (let i = 0; i < 100; i++) {
    const key = `${prefix}-probe-${i}`;
    await post(`mutation($k: String!, $s: String!, $src: String!) { upsertStatement(input: {key: $k, speaker: $s,
      text: "probe", kind: DIRECT, source: $src}) { key } }`, { k: key, s: `${prefix}-leader`, src: `${prefix}-source` });
    await new Promise((r) => setTimeout(r, 100));
    if (received.length > 0) return;
  }
  throw new Error('the subscription never delivered a probe');
};
await probe();
await new Promise((r) => setTimeout(r, 300));
received.length = 0;
arrivals.clear();

const sent = new Map();
const acknowledged = new Map();
const started = performance.now();
for (let i = 0; i < N; i++) {
  const key = `${prefix}-${String(i).padStart(5, '0')}`;
  sent.set(key, performance.now());
  await post(`mutation($k: String!, $s: String!, $src: String!) { upsertStatement(input: {key: $k, speaker: $s,
    text: "Latency measurement", kind: DIRECT, source: $src}) { key } }`,
  { k: key, s: `${prefix}-leader`, src: `${prefix}-source` });
  acknowledged.set(key, performance.now());
}
const timeout = setTimeout(() => {
  console.error(`only ${received.length} of ${N} events arrived`);
  process.exit(1);
}, 30000);
await all;
clearTimeout(timeout);
const elapsed = performance.now() - started;
unsubscribe();
await client.dispose();

const expected = [...sent.keys()];
const inOrder = received.every((k, i) => k === expected[i]);
if (!inOrder) {
  console.error('events out of commit order or duplicated');
  process.exit(1);
}
const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const fromAck = expected.map((k) => arrivals.get(k) - acknowledged.get(k));
const fromSend = expected.map((k) => arrivals.get(k) - sent.get(k));
const f = (x) => x.toFixed(2);
console.log(`graphql-ws client: ${N}/${N} events, in commit order, ${f(elapsed / 1000)} s for ${N} sequential writes`);
console.log(`delivery after the write's HTTP response (commit acknowledged): p50 ${f(pct(fromAck, 50))} ms, p99 ${f(pct(fromAck, 99))} ms`);
console.log(`delivery after the write was sent (upper bound): p50 ${f(pct(fromSend, 50))} ms, p99 ${f(pct(fromSend, 99))} ms`);
// The server's own figure: commit → the subscriber's delivery thread (diplograph_live_delivery).
const metrics = await (await fetch(`${base}/q/metrics`)).text();
const quantile = (q) => {
  const line = metrics.split('\n').find((l) => l.startsWith(`diplograph_live_delivery_seconds{`) && l.includes(`quantile="${q}"`));
  return line ? Number(line.trim().split(' ').pop()) * 1000 : NaN;
};
console.log(`server: commit to the subscriber's delivery thread: p50 ${f(quantile('0.5'))} ms, p99 ${f(quantile('0.99'))} ms`);
