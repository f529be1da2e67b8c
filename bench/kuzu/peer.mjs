// The Kuzu side of `graph bench --peer kuzu`.
//
//   node peer.mjs <work folder>
//
// The folder holds what the .NET side wrote: documents.csv (id,year,body), cites.csv (from,to) and
// queries.json ({ queries: [{ name, cypher, inputs: [{...parameters}], warmup }] }). The script loads the
// two CSVs into a fresh Kuzu database in <work folder>/kuzu-db, prints one JSON line
// ({ ready, loadSeconds, documents, cites }), then answers each line "run" on stdin with one JSON line:
// { queries: [{ name, ms: [...], answers: [...] }] }, each query timed over every input in order after
// its warm-up. "exit" or the end of stdin closes the database. Timings cover execute and reading every row.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { performance } from 'node:perf_hooks';
import kuzu from 'kuzu';

const folder = process.argv[2];
if (!folder || !fs.existsSync(path.join(folder, 'queries.json'))) {
  console.error('usage: node peer.mjs <folder with documents.csv, cites.csv and queries.json>');
  process.exit(2);
}

const { queries } = JSON.parse(fs.readFileSync(path.join(folder, 'queries.json'), 'utf8'));
const dbPath = path.join(folder, 'kuzu-db');
fs.rmSync(dbPath, { recursive: true, force: true });
const db = new kuzu.Database(dbPath);
const conn = new kuzu.Connection(db);

async function single(statement) {
  const result = await conn.query(statement);
  return result.getAll();
}

const loadStart = performance.now();
await single('CREATE NODE TABLE Document(id STRING, year INT64, body STRING, PRIMARY KEY(id))');
await single('CREATE REL TABLE CITES(FROM Document TO Document)');
// Kuzu's COPY reads quoted fields with doubled quotes, as the .NET side writes them.
await single(`COPY Document FROM '${path.join(folder, 'documents.csv')}' (header=true)`);
await single(`COPY CITES FROM '${path.join(folder, 'cites.csv')}' (header=true)`);
const loadSeconds = (performance.now() - loadStart) / 1000;
const [{ n: documents }] = await single('MATCH (d:Document) RETURN count(d) AS n');
const [{ n: cites }] = await single('MATCH ()-[c:CITES]->() RETURN count(c) AS n');

const prepared = [];
for (const q of queries) {
  const statement = await conn.prepare(q.cypher);
  if (!statement.isSuccess()) {
    console.log(JSON.stringify({ error: `${q.name}: ${statement.getErrorMessage()}` }));
    process.exit(1);
  }
  prepared.push(statement);
}
console.log(JSON.stringify({ ready: true, loadSeconds, documents: Number(documents), cites: Number(cites) }));

/** What both sides compare: a lone value as text, otherwise the number of rows. */
function answer(rows) {
  if (rows.length === 1) {
    const values = Object.values(rows[0]);
    if (values.length === 1) return String(values[0]);
  }
  return `rows:${rows.length}`;
}

async function execute(statement, input) {
  const result = await conn.execute(statement, input);
  const rows = await result.getAll();
  result.close();
  return rows;
}

async function run() {
  const out = [];
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i];
    for (let w = 0; w < Math.min(q.warmup, q.inputs.length); w++) await execute(prepared[i], q.inputs[w]);
    const ms = [];
    const answers = [];
    for (const input of q.inputs) {
      const start = performance.now();
      const rows = await execute(prepared[i], input);
      ms.push(performance.now() - start);
      answers.push(answer(rows));
    }
    out.push({ name: q.name, ms, answers });
  }
  return { queries: out };
}

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const command = line.trim();
  if (command === 'exit') break;
  if (command === 'run') console.log(JSON.stringify(await run()));
}
await db.close();
