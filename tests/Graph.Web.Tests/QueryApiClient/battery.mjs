// Neo4j Labs' Query API client against our server's Query API endpoint: a test of our endpoint that we did not
// write. Run by QueryApiClientBatteryTests (bundled with esbuild first: the package ships ES modules marked
// CommonJS). Arguments: the server's address, its API token, the idle timeout of its transactions in seconds.
// Prints one line per check, "PASS <name>" or "FAIL <name>: <why>", then "DONE <passed>/<total>".
import neo4j from '@neo4j-labs/experimental-query-api-wrapper'

const [url, token, idleSeconds] = process.argv.slice(2)
const { int, isInt } = neo4j
const checks = []
const check = (name, body) => checks.push({ name, body })

function equal (actual, expected, what = '') {
  const a = JSON.stringify(actual, (_, v) => typeof v === 'bigint' ? v.toString() : v)
  const e = JSON.stringify(expected, (_, v) => typeof v === 'bigint' ? v.toString() : v)
  if (a !== e) throw new Error(`${what} expected ${e}, got ${a}`)
}
function truthy (value, what) { if (!value) throw new Error(what) }
async function refused (promise, code) {
  try { await promise } catch (e) {
    if (code && e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`)
    return e
  }
  throw new Error(`expected the server to refuse with ${code}`)
}

const writer = neo4j.wrapper(url, neo4j.auth.bearer(token))
const basic = neo4j.wrapper(url, neo4j.auth.basic('neo4j', token))
const stranger = neo4j.wrapper(url, neo4j.auth.basic('neo4j', 'not-the-token'))
const wrongUser = neo4j.wrapper(url, neo4j.auth.basic('someone', token))
const run = async (query, params = {}, mode = 'WRITE', wrapper = writer) => {
  const session = wrapper.session({ database: 'neo4j', defaultAccessMode: mode })
  try { return await session.run(query, params) } finally { await session.close() }
}
const one = async (query, params, mode) => (await run(query, params, mode)).records[0].get(0)
const tag = `battery-${Date.now()}`

// Connectivity, discovery and auth
check('verifyConnectivity runs CALL db.ping()', async () => { await writer.verifyConnectivity({ database: 'neo4j' }) })
check('discovery reports the Query API version', async () => {
  const info = await writer.verifyConnectivity({ database: 'neo4j' })
  equal(info.protocolVersion, 5.26, 'protocol version')
})
check('CALL db.ping() yields success', async () => equal(await one('CALL db.ping()'), true))
check('bearer token (base64, as the client sends it) may write', async () => {
  const r = await run('CREATE (n:BatteryAuth {tag: $tag}) RETURN n.tag', { tag })
  equal(r.records[0].get(0), tag)
})
check('basic auth with the configured user and the token may write', async () => {
  const r = await run('MATCH (n:BatteryAuth {tag: $tag}) SET n.basic = true RETURN n.basic', { tag }, 'WRITE', basic)
  equal(r.records[0].get(0), true)
})
check('a wrong token is refused as Unauthorized', () => refused(run('RETURN 1', {}, 'READ', stranger), 'Neo.ClientError.Security.Unauthorized'))
check('the token under another user name is refused', () => refused(run('RETURN 1', {}, 'READ', wrongUser), 'Neo.ClientError.Security.Unauthorized'))
check('verifyAuthentication tells good from bad credentials', async () => {
  equal(await writer.verifyAuthentication({ database: 'neo4j' }), true, 'good')
  equal(await stranger.verifyAuthentication({ database: 'neo4j' }), false, 'bad')
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
check('the embedded graph answers: seed documents are there', async () => truthy((await one('MATCH (d:Document) RETURN count(d)')).toNumber() >= 2, 'no documents'))

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
check('a Date parameter matches a stored ISO date (the store keeps temporal properties as text)', async () => {
  await run('CREATE (:BatteryTime {tag: $tag, day: toString($d)})', { tag, d: new neo4j.Date(2024, 2, 29) })
  const d = await one('MATCH (n:BatteryTime {tag: $tag}) WHERE date(n.day) = $d RETURN date(n.day)', { tag, d: new neo4j.Date(2024, 2, 29) })
  equal([neo4j.isDate(d), d.toString()], [true, '2024-02-29'])
})

// Errors
check('syntax error has Neo4j code', () => refused(run('RETRN 1'), 'Neo.ClientError.Statement.SyntaxError'))
check('missing parameter has Neo4j code', () => refused(run('RETURN $nothing'), 'Neo.ClientError.Statement.ParameterMissing'))
check('unknown database is refused', async () => {
  const s = writer.session({ database: 'nosuchdb' })
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
  const s = writer.session({ database: 'neo4j' })
  let bookmarks
  try { await s.run('CREATE (:BatteryBookmark {tag: $tag})', { tag }); bookmarks = s.lastBookmarks() } finally { await s.close() }
  truthy(bookmarks.length === 1, `bookmarks ${JSON.stringify(bookmarks)}`)
  const next = writer.session({ database: 'neo4j', bookmarks, defaultAccessMode: 'READ' })
  try { equal((await next.run('MATCH (n:BatteryBookmark {tag: $tag}) RETURN count(n)', { tag })).records[0].get(0).toNumber(), 1) } finally { await next.close() }
})
check('executeRead and executeWrite', async () => {
  const s = writer.session({ database: 'neo4j' })
  try {
    await s.executeWrite(tx => tx.run('CREATE (:BatteryManaged {tag: $tag})', { tag }))
    const n = await s.executeRead(tx => tx.run('MATCH (n:BatteryManaged {tag: $tag}) RETURN count(n) AS c', { tag }))
    equal(n.records[0].get('c').toNumber(), 1)
  } finally { await s.close() }
})
check('a session without an access mode (WRITE, the default) runs reads', async () => {
  const s = writer.session({ database: 'neo4j' })
  try { equal((await s.run('RETURN 2')).records[0].get(0).toNumber(), 2) } finally { await s.close() }
})

// Explicit transactions
check('a transaction sees its own writes and commits them', async () => {
  const s = writer.session({ database: 'neo4j' })
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
  const s = writer.session({ database: 'neo4j' })
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
  const s = writer.session({ database: 'neo4j' })
  try {
    const tx = await s.beginTransaction()
    await tx.run('CREATE (:BatteryFailed {tag: $tag})', { tag })
    await refused(tx.run('RETURN 1 / 0'))
  } finally { await s.close() }
  equal((await one('MATCH (n:BatteryFailed {tag: $tag}) RETURN count(n)', { tag })).toNumber(), 0)
})
check('a read transaction refuses writes', async () => {
  const s = writer.session({ database: 'neo4j', defaultAccessMode: 'READ' })
  try {
    const tx = await s.beginTransaction()
    await refused(tx.run('CREATE (:BatteryNever)'), 'Neo.ClientError.Statement.AccessMode')
  } finally { await s.close() }
})
check('a left transaction expires and is rolled back', async () => {
  const s = writer.session({ database: 'neo4j' })
  try {
    const tx = await s.beginTransaction()
    await tx.run('CREATE (:BatteryExpired {tag: $tag})', { tag })
    await new Promise(resolve => setTimeout(resolve, (Number(idleSeconds) + 1.5) * 1000))
    await refused(tx.run('RETURN 1'), 'Neo.ClientError.Transaction.TransactionNotFound')
  } finally { await s.close() }
  equal((await one('MATCH (n:BatteryExpired {tag: $tag}) RETURN count(n)', { tag })).toNumber(), 0)
})
check('other writers wait for an open write transaction, then are refused', async () => {
  const holder = writer.session({ database: 'neo4j' })
  const other = writer.session({ database: 'neo4j' })
  try {
    const tx = await holder.beginTransaction()
    await tx.run('CREATE (:BatteryHeld {tag: $tag})', { tag })
    // The client sends txConfig.timeout as maxExecutionTime: 1 second here.
    await refused(other.run('CREATE (:BatteryBlocked {tag: $tag})', { tag }, { timeout: 1 }), 'Neo.TransientError.Transaction.LockAcquisitionTimeout')
    equal((await tx.run('MATCH (n:BatteryHeld {tag: $tag}) RETURN count(n)', { tag })).records[0].get(0).toNumber(), 1, 'own write')
    await tx.commit()
  } finally { await holder.close(); await other.close() }
  equal((await one('MATCH (n:BatteryBlocked {tag: $tag}) RETURN count(n)', { tag })).toNumber(), 0, 'refused write')
})
check('transaction with typed parameters and results', async () => {
  const s = writer.session({ database: 'neo4j' })
  try {
    const tx = await s.beginTransaction()
    const r = await tx.run('RETURN $d AS d, $n AS n', { d: new neo4j.Date(2020, 1, 2), n: int('9007199254740995') })
    await tx.commit()
    equal([r.records[0].get('d').toString(), r.records[0].get('n').toString()], ['2020-01-02', '9007199254740995'])
  } finally { await s.close() }
})

async function main () {
  let passed = 0
  for (const { name, body } of checks) {
    try {
      await body()
      passed++
      console.log(`PASS ${name}`)
    } catch (e) {
      console.log(`FAIL ${name}: ${(e && (e.code ? e.code + ' ' : '') + e.message) || e}`.replace(/\n/g, ' '))
    }
  }
  console.log(`DONE ${passed}/${checks.length}`)
  await Promise.all([writer.close(), basic.close(), stranger.close(), wrongUser.close()])
}

main().catch(e => { console.log(`FAIL battery: ${e.message}`); process.exitCode = 1 })
