// Neo4j Labs' Query API client against a Query API server: our own endpoint (a test of it that we did not write) or a
// live Neo4j (the same checks, so that both answer alike). Run by QueryApiClientBatteryTests and
// LiveNeo4jQueryApiClientBatteryTests, bundled with esbuild first (the package ships ES modules marked CommonJS).
// Settings come from the environment, so that no password shows in a process list:
//   BATTERY_TARGET    embedded (our server, with the seed documents and an API token) or neo4j (a live Neo4j)
//   BATTERY_URL       the server's HTTP address
//   BATTERY_DATABASE  the database (neo4j by default)
//   BATTERY_TOKEN     embedded: the API token; neo4j: a bearer token for single sign-on, if any
//   BATTERY_USER, BATTERY_PASSWORD  neo4j: the user and password
//   BATTERY_IDLE_SECONDS  how long the server keeps an idle transaction
// Prints one line per check, "PASS <name>", "FAIL <name>: <why>" or "SKIP <name>: <why>", then "DONE <passed>/<total>".
// Every node the battery creates carries its run's tag; the last check deletes them.
import neo4j from '@neo4j-labs/experimental-query-api-wrapper'

const env = process.env
const url = env.BATTERY_URL
const live = env.BATTERY_TARGET === 'neo4j'
const database = env.BATTERY_DATABASE || 'neo4j'
const token = env.BATTERY_TOKEN || ''
const user = live ? (env.BATTERY_USER || 'neo4j') : 'neo4j'
const password = live ? (env.BATTERY_PASSWORD || '') : token
const idleSeconds = Number(env.BATTERY_IDLE_SECONDS || '60')
const { int, isInt } = neo4j
const checks = []
const check = (name, body) => checks.push({ name, body })
class Skipped extends Error {}
const skip = why => { throw new Skipped(why) }

function equal (actual, expected, what = '') {
  const a = JSON.stringify(actual, (_, v) => typeof v === 'bigint' ? v.toString() : v)
  const e = JSON.stringify(expected, (_, v) => typeof v === 'bigint' ? v.toString() : v)
  if (a !== e) throw new Error(`${what} expected ${e}, got ${a}`)
}
function truthy (value, what) { if (!value) throw new Error(what) }
async function refused (promise, code) {
  const codes = [code].flat()
  try { await promise } catch (e) {
    if (code && !codes.includes(e.code)) throw new Error(`expected ${codes.join(' or ')}, got ${e.code}: ${e.message}`)
    return e
  }
  throw new Error(`expected the server to refuse with ${codes.join(' or ')}`)
}

// Our server takes its API token as a bearer token or as the password of the configured user; Neo4j takes a user and
// password, or a single sign-on token as bearer. Wrong credentials are tried twice against the real user at most:
// Neo4j locks a user out for a while after three failures.
const writer = neo4j.wrapper(url, token ? neo4j.auth.bearer(token) : neo4j.auth.basic(user, password))
const basic = neo4j.wrapper(url, neo4j.auth.basic(user, password))
const stranger = neo4j.wrapper(url, neo4j.auth.basic(user, `not-${password}`))
const wrongUser = neo4j.wrapper(url, neo4j.auth.basic(`${user}-someone-else`, password))
const session = (config = {}) => writer.session({ database, ...config })
const run = async (query, params = {}, mode = 'WRITE', wrapper = writer) => {
  const s = wrapper.session({ database, defaultAccessMode: mode })
  try { return await s.run(query, params) } finally { await s.close() }
}
const one = async (query, params, mode) => (await run(query, params, mode)).records[0].get(0)
const tag = `battery-${Date.now()}`

// Connectivity, discovery and auth
check('verifyConnectivity runs CALL db.ping()', async () => { await writer.verifyConnectivity({ database }) })
check('discovery reports the Query API version', async () => {
  const info = await writer.verifyConnectivity({ database })
  // Ours says 5.26, the first with explicit transactions; Neo4j its own version (5.26 or a later 5.x, or 2025.x).
  if (live) truthy(info.protocolVersion >= 5.26, `protocol version ${info.protocolVersion}`)
  else equal(info.protocolVersion, 5.26, 'protocol version')
})
check('CALL db.ping() yields success', async () => equal(await one('CALL db.ping()'), true))
check('bearer token (base64, as the client sends it) may write', async () => {
  if (!token) skip('no bearer token given (NEO4J_TOKEN): this Neo4j is reached with a user and password')
  const r = await run('CREATE (n:BatteryAuth {tag: $tag}) RETURN n.tag', { tag })
  equal(r.records[0].get(0), tag)
})
check('basic auth with the configured user and the token may write', async () => {
  if (!password) skip('no password given (NEO4J_PASSWORD): this Neo4j is reached with a bearer token')
  const r = await run('MERGE (n:BatteryAuth {tag: $tag}) SET n.basic = true RETURN n.basic', { tag }, 'WRITE', basic)
  equal(r.records[0].get(0), true)
})
check('a wrong token is refused as Unauthorized', () => refused(run('RETURN 1', {}, 'READ', stranger), 'Neo.ClientError.Security.Unauthorized'))
check('the token under another user name is refused', () => refused(run('RETURN 1', {}, 'READ', wrongUser), 'Neo.ClientError.Security.Unauthorized'))
check('verifyAuthentication tells good from bad credentials', async () => {
  equal(await writer.verifyAuthentication({ database }), true, 'good')
  equal(await stranger.verifyAuthentication({ database }), false, 'bad')
})

// Scalars and integers
check('integer comes back as an exact Integer', async () => { const v = await one('RETURN 42'); truthy(isInt(v), 'not an Integer'); equal(v.toNumber(), 42) })
check('float comes back as a number', async () => equal(await one('RETURN 2.5'), 2.5))
check('string, boolean and null', async () => {
  const r = (await run('RETURN "héllo" AS s, true AS b, null AS n')).records[0]
  equal([r.get('s'), r.get('b'), r.get('n')], ['héllo', true, null])
})
check('integers above 2^53 keep every digit', async () => equal((await one('RETURN 9007199254740993')).toString(), '9007199254740993'))
check('the largest 64-bit integer', async () => equal((await one('RETURN 9223372036854775807')).toString(), '9223372036854775807'))
check('the smallest 64-bit integer', async () => equal((await one('RETURN -9223372036854775807 - 1')).toString(), '-9223372036854775808'))
check('integer arithmetic stays integer', async () => equal((await one('RETURN 7 / 2')).toNumber(), 3))
check('Infinity and NaN floats', async () => {
  const r = (await run('RETURN 1.0/0.0 AS inf, 0.0/0.0 AS nan')).records[0]
  equal([r.get('inf'), Number.isNaN(r.get('nan'))], [Infinity, true])
})

// Parameters of every type
check('Integer parameter arrives as INTEGER', async () => equal(await one('RETURN valueType($n)', { n: int(5) }), 'INTEGER NOT NULL'))
check('large Integer parameter keeps precision', async () => equal((await one('RETURN $n + 1', { n: int('9007199254740993') })).toString(), '9007199254740994'))
check('BigInt parameter', async () => equal((await one('RETURN $n', { n: 12345678901234567n })).toString(), '12345678901234567'))
check('Integer parameter works as LIMIT', async () => equal((await run('UNWIND range(1, 10) AS x RETURN x LIMIT $n', { n: int(3) })).records.length, 3))
check('Float parameter arrives as FLOAT', async () => equal(await one('RETURN valueType($f)', { f: 1.5 }), 'FLOAT NOT NULL'))
check('String parameter', async () => equal(await one('RETURN $s + "!"', { s: 'hi' }), 'hi!'))
check('Boolean parameter', async () => equal(await one('RETURN NOT $b', { b: false }), true))
check('null parameter', async () => equal(await one('RETURN $x IS NULL', { x: null }), true))
check('List parameter', async () => equal((await one('RETURN size($l)', { l: [int(1), 'two', 3.0] })).toNumber(), 3))
check('Map parameter', async () => equal(await one('RETURN $m.name', { m: { name: 'UN', n: int(1) } }), 'UN'))
check('bytes parameter comes back as bytes', async () => equal(Array.from(await one('RETURN $b', { b: new Uint8Array([1, 2, 250]) })), [1, 2, 250]))

// Lists and maps
check('list of mixed values', async () => {
  const v = await one('RETURN [1, "a", 2.5, null, true]')
  equal([v[0].toNumber(), v[1], v[2], v[3], v[4]], [1, 'a', 2.5, null, true])
})
check('nested lists', async () => equal((await one('RETURN [[1, 2], [3]]')).map(l => l.map(i => i.toNumber())), [[1, 2], [3]]))
check('map with nested values', async () => {
  const m = await one('RETURN {a: 1, b: {c: [true]}, d: "x"}')
  equal([m.a.toNumber(), m.b.c[0], m.d], [1, true, 'x'])
})
check('empty list and map', async () => { equal(await one('RETURN []'), []); equal(await one('RETURN {}'), {}) })

// Graph values
check('node with labels, properties and element id', async () => {
  const n = await one('MATCH (n:BatteryAuth {tag: $tag}) RETURN n', { tag })
  equal([n.labels, n.properties.tag, typeof n.elementId === 'string' && n.elementId.length > 0], [['BatteryAuth'], tag, true])
})
check('relationship with type, ends and properties', async () => {
  const r = (await run('CREATE (a:BatteryRel {tag: $tag})-[r:LINKS {w: 2}]->(b:BatteryRel {tag: $tag}) RETURN a, r, b', { tag })).records[0]
  const [a, rel, b] = [r.get('a'), r.get('r'), r.get('b')]
  equal([rel.type, rel.properties.w.toNumber(), rel.startNodeElementId === a.elementId, rel.endNodeElementId === b.elementId], ['LINKS', 2, true, true])
})
check('path of nodes and relationships', async () => {
  const p = await one('MATCH p = (:BatteryRel {tag: $tag})-[:LINKS]->(:BatteryRel) RETURN p', { tag })
  equal([p.length, p.segments[0].relationship.type, p.start.labels[0], p.end.labels[0]], [1, 'LINKS', 'BatteryRel', 'BatteryRel'])
})
check('the embedded graph answers: seed documents are there', async () => {
  if (live) skip('the seed documents are the embedded server\'s own content; a live Neo4j holds what it holds')
  truthy((await one('MATCH (d:Document) RETURN count(d)')).toNumber() >= 2, 'no documents')
})
check('nodes written in one session are matched and counted in the next', async () => {
  await run('UNWIND range(1, 3) AS i CREATE (:BatteryDoc {tag: $tag, i: i})', { tag })
  const r = (await run('MATCH (d:BatteryDoc {tag: $tag}) RETURN count(d) AS n, sum(d.i) AS total', { tag }, 'READ')).records[0]
  equal([r.get('n').toNumber(), r.get('total').toNumber()], [3, 6])
})

// Temporal and spatial values, out and in
check('Date out', async () => { const d = await one('RETURN date("2022-11-21")'); truthy(neo4j.isDate(d), 'not a Date'); equal(d.toString(), '2022-11-21') })
check('Date in', async () => equal(await one('RETURN toString($d + duration("P1D"))', { d: new neo4j.Date(2022, 11, 21) }), '2022-11-22'))
check('LocalTime out', async () => { const t = await one('RETURN localtime("12:50:35.556")'); truthy(neo4j.isLocalTime(t), 'not a LocalTime'); equal([t.hour.toNumber(), t.minute.toNumber(), t.second.toNumber(), t.nanosecond.toNumber()], [12, 50, 35, 556000000]) })
check('LocalTime in', async () => equal(await one('RETURN $t.hour', { t: new neo4j.LocalTime(9, 30, 0, 0) }).then(v => v.toNumber()), 9))
check('Time out', async () => { const t = await one('RETURN time("12:50:35+01:00")'); truthy(neo4j.isTime(t), 'not a Time'); equal(t.timeZoneOffsetSeconds.toNumber(), 3600) })
check('Time in', async () => equal(await one('RETURN $t.offsetSeconds', { t: new neo4j.Time(10, 0, 0, 0, -7200) }).then(v => v.toNumber()), -7200))
check('LocalDateTime out', async () => { const t = await one('RETURN localdatetime("2015-06-24T12:50:35")'); truthy(neo4j.isLocalDateTime(t), 'not a LocalDateTime'); equal([t.year.toNumber(), t.second.toNumber()], [2015, 35]) })
check('LocalDateTime in', async () => equal(await one('RETURN $t.month', { t: new neo4j.LocalDateTime(2015, 6, 24, 12, 50, 35, 0) }).then(v => v.toNumber()), 6))
check('DateTime with offset out', async () => { const t = await one('RETURN datetime("2015-06-24T12:50:35.556+01:00")'); truthy(neo4j.isDateTime(t), 'not a DateTime'); equal([t.timeZoneOffsetSeconds.toNumber(), t.nanosecond.toNumber()], [3600, 556000000]) })
check('DateTime with offset in', async () => equal(await one('RETURN $t.epochSeconds', { t: new neo4j.DateTime(1970, 1, 1, 1, 0, 0, 0, 3600) }).then(v => v.toNumber()), 0))
check('DateTime with zone out', async () => { const t = await one('RETURN datetime("2015-11-21T21:40:32.142[Europe/Berlin]")'); equal([t.timeZoneId, t.timeZoneOffsetSeconds.toNumber()], ['Europe/Berlin', 3600]) })
check('DateTime with zone in', async () => equal(await one('RETURN $t.timezone', { t: new neo4j.DateTime(2022, 7, 1, 12, 0, 0, 0, 7200, 'Europe/Berlin') }), 'Europe/Berlin'))
check('Duration out', async () => { const d = await one('RETURN duration("P14DT16H12M")'); truthy(neo4j.isDuration(d), 'not a Duration'); equal([d.days.toNumber(), d.seconds.toNumber()], [14, 58320]) })
check('Duration in', async () => equal(await one('RETURN $d.months', { d: new neo4j.Duration(14, 2, 30, 0) }).then(v => v.toNumber()), 14))
check('cartesian Point out', async () => { const p = await one('RETURN point({x: 1.5, y: 2})'); truthy(neo4j.isPoint(p), 'not a Point'); equal([p.srid.toNumber(), p.x, p.y], [7203, 1.5, 2]) })
check('WGS-84 3D Point out', async () => { const p = await one('RETURN point({longitude: 12.5, latitude: 55.7, height: 10})'); equal([p.srid.toNumber(), p.x, p.y, p.z], [4979, 12.5, 55.7, 10]) })
check('Point in', async () => equal(await one('RETURN $p.y', { p: new neo4j.Point(int(4326), 2.35, 48.85) }), 48.85))
check('a stored Date property matches a Date parameter and comes back a Date', async () => {
  await run('CREATE (:BatteryTime {tag: $tag, day: $d, at: $t})', { tag, d: new neo4j.Date(2024, 2, 29), t: new neo4j.DateTime(2024, 2, 29, 12, 0, 0, 0, 3600) })
  const r = (await run('MATCH (n:BatteryTime {tag: $tag}) WHERE n.day = $d RETURN n.day AS day, n.at AS at', { tag, d: new neo4j.Date(2024, 2, 29) })).records[0]
  equal([neo4j.isDate(r.get('day')), r.get('day').toString(), neo4j.isDateTime(r.get('at')), r.get('at').timeZoneOffsetSeconds.toNumber()], [true, '2024-02-29', true, 3600])
})
check('a stored Point property comes back a Point, inside its node too', async () => {
  await run('CREATE (:BatteryPlace {tag: $tag, at: point({longitude: 6.1432, latitude: 46.2044}), corner: $p})', { tag, p: new neo4j.Point(int(9157), 1, 2, 3) })
  const n = await one('MATCH (n:BatteryPlace {tag: $tag}) WHERE n.corner = $p RETURN n', { tag, p: new neo4j.Point(int(9157), 1, 2, 3) })
  const [at, corner] = [n.properties.at, n.properties.corner]
  equal([neo4j.isPoint(at), at.srid.toNumber(), at.x, at.y, corner.srid.toNumber(), corner.z], [true, 4326, 6.1432, 46.2044, 9157, 3])
})

// Errors
check('syntax error has Neo4j code', () => refused(run('RETRN 1'), 'Neo.ClientError.Statement.SyntaxError'))
check('missing parameter has Neo4j code', () => refused(run('RETURN $nothing'), 'Neo.ClientError.Statement.ParameterMissing'))
check('unknown database is refused', async () => {
  const s = writer.session({ database: `nosuchdb${Date.now()}` })
  try { await refused(s.run('RETURN 1'), 'Neo.ClientError.Database.DatabaseNotFound') } finally { await s.close() }
})
check('runtime error (division by zero) has a code', async () => { const e = await refused(run('RETURN 1 / 0')); truthy(e.code.startsWith('Neo.ClientError.'), e.code) })

// Read and write sessions
check('read session runs reads', async () => equal((await one('RETURN 1', {}, 'READ')).toNumber(), 1))
check('read session refuses writes even when writes are allowed', () => refused(run('CREATE (:BatteryNever)', {}, 'READ'), 'Neo.ClientError.Statement.AccessMode'))
check('write session counts what it changed', async () => {
  const r = await run('CREATE (:BatteryCount {tag: $tag}), (:BatteryCount {tag: $tag})', { tag })
  equal(r.summary.counters.updates().nodesCreated, 2)
})
check('a write returns a bookmark that is accepted back', async () => {
  const s = session()
  let bookmarks
  try { await s.run('CREATE (:BatteryBookmark {tag: $tag})', { tag }); bookmarks = s.lastBookmarks() } finally { await s.close() }
  truthy(bookmarks.length === 1, `bookmarks ${JSON.stringify(bookmarks)}`)
  const next = session({ bookmarks, defaultAccessMode: 'READ' })
  try { equal((await next.run('MATCH (n:BatteryBookmark {tag: $tag}) RETURN count(n)', { tag })).records[0].get(0).toNumber(), 1) } finally { await next.close() }
})
check('executeRead and executeWrite', async () => {
  const s = session()
  try {
    await s.executeWrite(tx => tx.run('CREATE (:BatteryManaged {tag: $tag})', { tag }))
    const n = await s.executeRead(tx => tx.run('MATCH (n:BatteryManaged {tag: $tag}) RETURN count(n) AS c', { tag }))
    equal(n.records[0].get('c').toNumber(), 1)
  } finally { await s.close() }
})
check('a session without an access mode (WRITE, the default) runs reads', async () => {
  const s = session()
  try { equal((await s.run('RETURN 2')).records[0].get(0).toNumber(), 2) } finally { await s.close() }
})

// Explicit transactions
check('a transaction sees its own writes and commits them', async () => {
  const s = session()
  try {
    const tx = await s.beginTransaction()
    await tx.run('CREATE (:BatteryTx {tag: $tag, n: 1})', { tag })
    const seen = (await tx.run('MATCH (n:BatteryTx {tag: $tag}) RETURN count(n)', { tag })).records[0].get(0).toNumber()
    await tx.commit()
    equal(seen, 1, 'inside')
  } finally { await s.close() }
  equal((await one('MATCH (n:BatteryTx {tag: $tag}) RETURN count(n)', { tag })).toNumber(), 1, 'after commit')
})
check('rollback takes every change back', async () => {
  const s = session()
  try {
    const tx = await s.beginTransaction()
    await tx.run('CREATE (:BatteryRolled {tag: $tag})', { tag })
    await tx.run('MATCH (n:BatteryTx {tag: $tag}) SET n.n = 99', { tag })
    await tx.rollback()
  } finally { await s.close() }
  equal((await one('MATCH (n:BatteryRolled {tag: $tag}) RETURN count(n)', { tag })).toNumber(), 0, 'created')
  equal((await one('MATCH (n:BatteryTx {tag: $tag}) RETURN n.n', { tag })).toNumber(), 1, 'changed')
})
check('a failing statement rolls the transaction back', async () => {
  const s = session()
  try {
    const tx = await s.beginTransaction()
    await tx.run('CREATE (:BatteryFailed {tag: $tag})', { tag })
    await refused(tx.run('RETURN 1 / 0'))
  } finally { await s.close() }
  equal((await one('MATCH (n:BatteryFailed {tag: $tag}) RETURN count(n)', { tag })).toNumber(), 0)
})
check('a read transaction refuses writes', async () => {
  const s = session({ defaultAccessMode: 'READ' })
  try {
    const tx = await s.beginTransaction()
    await refused(tx.run('CREATE (:BatteryNever)'), 'Neo.ClientError.Statement.AccessMode')
  } finally { await s.close() }
})
check('a left transaction expires and is rolled back', async () => {
  const s = session()
  try {
    const tx = await s.beginTransaction()
    await tx.run('CREATE (:BatteryExpired {tag: $tag})', { tag })
    await new Promise(resolve => setTimeout(resolve, (Number(idleSeconds) + 1.5) * 1000))
    await refused(tx.run('RETURN 1'), 'Neo.ClientError.Transaction.TransactionNotFound')
  } finally { await s.close() }
  equal((await one('MATCH (n:BatteryExpired {tag: $tag}) RETURN count(n)', { tag })).toNumber(), 0)
})
check('other writers wait for an open write transaction, then are refused', async () => {
  await run('CREATE (:BatteryHeld {tag: $tag, v: 0})', { tag })
  const holder = session()
  const other = session()
  try {
    const tx = await holder.beginTransaction()
    await tx.run('MATCH (n:BatteryHeld {tag: $tag}) SET n.v = 1', { tag })
    // The same node, written by another session: ours keeps every other writer out for the transaction (a writer lease),
    // Neo4j that node's writers (its lock). The client sends txConfig.timeout as maxExecutionTime: 1 second here; Neo4j
    // reports the wait as the transaction's timeout, ours as the lock it could not take.
    await refused(other.run('MATCH (n:BatteryHeld {tag: $tag}) SET n.v = 2', { tag }, { timeout: 1 }), [
      'Neo.TransientError.Transaction.LockAcquisitionTimeout', 'Neo.ClientError.Transaction.TransactionTimedOut',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'Neo.TransientError.Transaction.LockClientStopped'])
    equal((await tx.run('MATCH (n:BatteryHeld {tag: $tag}) RETURN n.v', { tag })).records[0].get(0).toNumber(), 1, 'own write')
    await tx.commit()
  } finally { await holder.close(); await other.close() }
  equal((await one('MATCH (n:BatteryHeld {tag: $tag}) RETURN n.v', { tag })).toNumber(), 1, 'the refused write left no trace')
})
check('transaction with typed parameters and results', async () => {
  const s = session()
  try {
    const tx = await s.beginTransaction()
    const r = await tx.run('RETURN $d AS d, $n AS n', { d: new neo4j.Date(2020, 1, 2), n: int('9007199254740995') })
    await tx.commit()
    equal([r.records[0].get('d').toString(), r.records[0].get('n').toString()], ['2020-01-02', '9007199254740995'])
  } finally { await s.close() }
})

// Last: the battery's own nodes go, so that a live database is left as it was found.
check('the battery deletes every node it created', async () => {
  await run('MATCH (n) WHERE n.tag = $tag DETACH DELETE n', { tag })
  equal((await one('MATCH (n) WHERE n.tag = $tag RETURN count(n)', { tag }, 'READ')).toNumber(), 0)
})

async function main () {
  let passed = 0
  for (const { name, body } of checks) {
    try {
      await body()
      passed++
      console.log(`PASS ${name}`)
    } catch (e) {
      const line = e instanceof Skipped ? `SKIP ${name}: ${e.message}` : `FAIL ${name}: ${(e && (e.code ? e.code + ' ' : '') + e.message) || e}`
      console.log(line.replace(/\n/g, ' '))
    }
  }
  console.log(`DONE ${passed}/${checks.length}`)
  await Promise.all([writer.close(), basic.close(), stranger.close(), wrongUser.close()])
}

main().catch(e => { console.log(`FAIL battery: ${e.message}`); process.exitCode = 1 })
