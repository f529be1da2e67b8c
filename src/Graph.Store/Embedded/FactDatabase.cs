using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Embedded;

/// <summary>One stored document as read back: its fingerprint and its compressed facts.</summary>
internal sealed record StoredDocument(string Id, byte[] Hash, byte[] Facts);

/// <summary>
/// The durable half of the embedded store: a SQLite database in WAL mode holding one row per document
/// (its text, diagnostics, fingerprint and the facts it stated as one compressed blob). The merged graph
/// is not stored: it is what the documents add up to, rebuilt in memory on open. An ingest writes one
/// row per document, in one transaction per batch: a crash leaves every document whole or absent.
/// </summary>
internal sealed class FactDatabase : IDisposable
{
    public const string FileName = "graph.db";
    private const int SchemaVersion = 3;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY, hash BLOB NOT NULL, text TEXT NOT NULL, diagnostics TEXT NOT NULL, facts BLOB NOT NULL,
            node_count INTEGER NOT NULL, relationship_count INTEGER NOT NULL, ingested_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS documents_fingerprints ON documents (id, hash);
        CREATE TABLE IF NOT EXISTS saved_writes (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT, statement TEXT NOT NULL, parameters TEXT NOT NULL,
            statement_time TEXT NOT NULL, seed INTEGER NOT NULL, saved_at TEXT NOT NULL);
        """;

    private readonly SqliteConnection _connection;
    private readonly string _directory;

    /// <summary>A second connection for reads that must not wait for an ingest (WAL lets it read the last commit).</summary>
    private readonly Lazy<SqliteConnection> _reader;
    private readonly Lock _readerLock = new();

    /// <summary>
    /// A connection of its own for saving query writes: they are saved while the graph's write lock is held,
    /// beside an ingest that may be using the main connection (SQLite serialises the two commits).
    /// </summary>
    private readonly Lazy<SqliteConnection> _writeSaver;

    /// <summary>
    /// How long saving a query's write waits for SQLite's write lock. The caller holds the graph's write lock, so
    /// every reader waits as long as this does: a database locked for longer than an ingest batch takes is
    /// reported (the write is undone) rather than waited out.
    /// </summary>
    private const int SaveWriteTimeoutSeconds = 5;

    private readonly Lock _writeSaverLock = new();

    /// <summary>
    /// A connection only for checkpoints, with no busy wait: a checkpoint that would wait for a reader or a
    /// writer gives up at once and is tried again on the next tick, so it never delays a write.
    /// </summary>
    private readonly Lazy<SqliteConnection> _checkpointer;
    private readonly Lock _checkpointLock = new();
    private readonly Timer _checkpointTimer;

    /// <summary>When the last write committed (Environment.TickCount64), and whether the WAL has been emptied since.</summary>
    private long _lastWriteTicks;
    private int _walDirty;

    /// <summary>How often the idle checkpoint looks, and how long no write must have come before it empties the WAL.</summary>
    private static readonly TimeSpan CheckpointTick = TimeSpan.FromSeconds(2);
    private const long IdleMilliseconds = 1_000;

    /// <summary>
    /// The WAL file is cut back to this size whenever SQLite starts it over (it otherwise keeps its largest size,
    /// a whole ingest batch, for as long as the store is open).
    /// </summary>
    private const long WalSizeLimitBytes = 8L * 1024 * 1024;

    private FactDatabase(SqliteConnection connection, string directory)
    {
        _connection = connection;
        _directory = directory;
        _checkpointer = new Lazy<SqliteConnection>(() =>
        {
            var checkpointer = new SqliteConnection(new SqliteConnectionStringBuilder(connection.ConnectionString) { DefaultTimeout = 1 }.ToString());
            checkpointer.Open();
            using var pragma = checkpointer.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout=0;";
            pragma.ExecuteNonQuery();
            return checkpointer;
        });
        _checkpointTimer = new Timer(_ => CheckpointIfIdle(), null, CheckpointTick, CheckpointTick);
        _reader = new Lazy<SqliteConnection>(() =>
        {
            var builder = new SqliteConnectionStringBuilder(connection.ConnectionString) { Mode = SqliteOpenMode.ReadOnly };
            var reader = new SqliteConnection(builder.ToString());
            reader.Open();
            return reader;
        });
        _writeSaver = new Lazy<SqliteConnection>(() =>
        {
            // A bounded wait for SQLite's write lock (see SaveWriteTimeoutSeconds).
            var saver = new SqliteConnection(new SqliteConnectionStringBuilder(connection.ConnectionString) { DefaultTimeout = SaveWriteTimeoutSeconds }.ToString());
            saver.Open();
            using var pragma = saver.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout={SaveWriteTimeoutSeconds * 1000};";
            pragma.ExecuteNonQuery();
            return saver;
        });
    }

    /// <exception cref="InvalidDataException">The directory holds a store of another schema version.</exception>
    public static FactDatabase Open(string directory)
    {
        Directory.CreateDirectory(directory);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var database = new FactDatabase(connection, directory);
        try
        {
            // WAL: readers never block the writer. FULL sync: each commit is on the disk before it is acknowledged,
            // so neither a killed process nor a power cut loses an acknowledged write (NORMAL would lose the last
            // commits on a power cut, though never a killed process). It costs one fsync of the WAL per commit,
            // and ingest commits a batch at a time. The automatic checkpoint stays at SQLite's 1000 pages.
            database.Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA wal_autocheckpoint=1000; PRAGMA journal_size_limit={WalSizeLimitBytes};");
            var version = database.Scalar("SELECT value FROM meta WHERE key = 'schema'", [], ignoreMissingTable: true);
            if (version is not null && version as string != SchemaVersion.ToString(CultureInfo.InvariantCulture))
                throw new InvalidDataException(version as string == "2"
                    ? $"The store in {directory} was written by an earlier version of Graph (schema version 2, every fact in its own row); " +
                      $"this version reads schema version {SchemaVersion} (one row per document). Ingest the documents again into a new data folder."
                    : $"The store in {directory} has schema version {version}; this program reads version {SchemaVersion}.");
            database.Execute(Schema);
            if (version is null) database.Execute($"INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', '{SchemaVersion}')");
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        using (var stopped = new ManualResetEvent(false))
            if (_checkpointTimer.Dispose(stopped)) stopped.WaitOne();
        if (_checkpointer.IsValueCreated) _checkpointer.Value.Dispose();
        if (_reader.IsValueCreated) _reader.Value.Dispose();
        if (_writeSaver.IsValueCreated) _writeSaver.Value.Dispose();
        _connection.Dispose();
    }

    /// <summary>The text of a document as last committed, read beside a running ingest.</summary>
    public string? TryGetCommittedText(string documentId)
    {
        lock (_readerLock)
        {
            using var command = _reader.Value.CreateCommand();
            command.CommandText = "SELECT text FROM documents WHERE id = $id";
            command.Parameters.AddWithValue("$id", documentId);
            return command.ExecuteScalar() as string;
        }
    }

    /// <summary>The stored facts of a document, or null when it is not stored.</summary>
    /// <exception cref="FormatException">The stored facts are damaged.</exception>
    public DocumentFacts? TryReadFacts(string documentId)
    {
        using var command = Command("SELECT facts FROM documents WHERE id = $id", ("$id", documentId));
        return command.ExecuteScalar() is byte[] blob ? DocumentFacts.Decode(documentId, blob) : null;
    }

    /// <summary>Writes (or replaces) the rows of these documents and removes those of <paramref name="removed"/>, in one transaction.</summary>
    public void Write(IReadOnlyList<DocumentFacts> documents, IReadOnlyList<string> removed)
    {
        using var transaction = _connection.BeginTransaction();
        using (var insert = Command("""
            INSERT OR REPLACE INTO documents (id, hash, text, diagnostics, facts, node_count, relationship_count, ingested_at)
            VALUES ($id, $hash, $text, $diagnostics, $facts, $nodes, $relationships, $at)
            """, ("$id", ""), ("$hash", Array.Empty<byte>()), ("$text", ""), ("$diagnostics", ""), ("$facts", Array.Empty<byte>()),
            ("$nodes", 0), ("$relationships", 0), ("$at", "")))
        {
            insert.Transaction = transaction;
            var at = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            foreach (var document in documents)
            {
                insert.Parameters["$id"].Value = document.DocumentId;
                insert.Parameters["$hash"].Value = document.Hash;
                insert.Parameters["$text"].Value = document.Text;
                insert.Parameters["$diagnostics"].Value = document.Diagnostics;
                insert.Parameters["$facts"].Value = document.Blob;
                insert.Parameters["$nodes"].Value = document.Nodes.Count;
                insert.Parameters["$relationships"].Value = document.Relationships.Count;
                insert.Parameters["$at"].Value = at;
                insert.ExecuteNonQuery();
            }
        }
        using (var delete = Command("DELETE FROM documents WHERE id = $id", ("$id", "")))
        {
            delete.Transaction = transaction;
            foreach (var id in removed)
            {
                delete.Parameters["$id"].Value = id;
                delete.ExecuteNonQuery();
            }
        }
        transaction.Commit();
        NoteWrite();
    }

    private void NoteWrite()
    {
        Volatile.Write(ref _lastWriteTicks, Environment.TickCount64);
        Volatile.Write(ref _walDirty, 1);
    }

    /// <summary>
    /// Empties the WAL into the database and cuts the file to nothing once writes have stopped for a moment.
    /// SQLite's automatic checkpoint copies pages back after a commit but never shrinks the file, and cannot
    /// finish while a reader still reads an older snapshot; here the store says when it is idle.
    /// </summary>
    private void CheckpointIfIdle()
    {
        if (Volatile.Read(ref _walDirty) == 0 || Environment.TickCount64 - Volatile.Read(ref _lastWriteTicks) < IdleMilliseconds) return;
        try
        {
            if (Checkpoint(truncate: true)) Interlocked.CompareExchange(ref _walDirty, 0, 1);
        }
        catch (SqliteException)
        {
            // Busy, or the disk refused: the next tick tries again.
        }
        catch (ObjectDisposedException)
        {
            // The store is closing.
        }
    }

    /// <summary>Copies the WAL into the database (and with <paramref name="truncate"/> cuts the WAL to zero bytes); false when a reader or writer was in the way.</summary>
    public bool Checkpoint(bool truncate)
    {
        lock (_checkpointLock)
        {
            using var command = _checkpointer.Value.CreateCommand();
            command.CommandText = truncate ? "PRAGMA wal_checkpoint(TRUNCATE)" : "PRAGMA wal_checkpoint(PASSIVE)";
            using var reader = command.ExecuteReader();
            // One row: busy (1 when it could not finish), frames in the WAL, frames copied back.
            return reader.Read() && reader.GetInt64(0) == 0 && reader.GetInt64(1) == reader.GetInt64(2);
        }
    }

    /// <summary>Size of the write-ahead log file in bytes (0 when there is none).</summary>
    public long WalSizeBytes()
    {
        var wal = new FileInfo(Path.Combine(_directory, FileName + "-wal"));
        return wal.Exists ? wal.Length : 0;
    }

    /// <summary>Saves a query's write after the ones saved before it; returns its sequence number.</summary>
    /// <exception cref="SqliteException">SQLite refused the write (disk full, read-only directory, locked, …); nothing was saved.</exception>
    public long SaveWrite(WriteToSave write) => SaveWrites([write]);

    /// <summary>
    /// Saves the writes of one explicit transaction after the ones saved before them, in one SQLite transaction (kept
    /// whole or not at all); returns the last sequence number.
    /// </summary>
    /// <exception cref="SqliteException">SQLite refused them (disk full, read-only directory, locked, …); nothing was saved.</exception>
    public long SaveWrites(IReadOnlyList<WriteToSave> writes)
    {
        lock (_writeSaverLock)
        {
            using var transaction = _writeSaver.Value.BeginTransaction();
            using var command = _writeSaver.Value.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO saved_writes (statement, parameters, statement_time, seed, saved_at)
                VALUES ($statement, $parameters, $time, $seed, $at) RETURNING sequence
                """;
            var statement = command.Parameters.Add("$statement", SqliteType.Text);
            var parameters = command.Parameters.Add("$parameters", SqliteType.Text);
            var time = command.Parameters.Add("$time", SqliteType.Text);
            var seed = command.Parameters.Add("$seed", SqliteType.Integer);
            command.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            long sequence = 0;
            foreach (var write in writes)
            {
                statement.Value = write.Statement;
                parameters.Value = write.Parameters;
                time.Value = write.StatementTime.ToString("O", CultureInfo.InvariantCulture);
                seed.Value = write.Seed;
                sequence = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            transaction.Commit();
            NoteWrite();
            return sequence;
        }
    }

    /// <summary>Every saved query write, in the order they were saved.</summary>
    public IReadOnlyList<SavedWrite> ReadSavedWrites()
    {
        using var command = Command("SELECT sequence, statement, parameters, statement_time, seed FROM saved_writes ORDER BY sequence");
        using var reader = command.ExecuteReader();
        var writes = new List<SavedWrite>();
        while (reader.Read())
            writes.Add(new SavedWrite(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                DateTime.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reader.GetInt32(4)));
        return writes;
    }

    /// <summary>Every stored document's fingerprint and facts, in id order, streamed.</summary>
    public IEnumerable<StoredDocument> ReadDocuments()
    {
        using var command = Command("SELECT id, hash, facts FROM documents ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new StoredDocument(reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2));
    }

    /// <summary>Every stored document's id and fingerprint, in id order (the rows' text and facts are not read).</summary>
    /// <remarks>
    /// Read from the index on (id, hash) alone: without it every row's first page was read, beside its text and
    /// facts, which at 100,000 documents took longer than loading the whole snapshot. A store made before the index
    /// gets it when it is next opened.
    /// </remarks>
    public List<(string Id, byte[] Hash)> ReadFingerprints()
    {
        using var command = Command("SELECT id, hash FROM documents ORDER BY id");
        using var reader = command.ExecuteReader();
        var fingerprints = new List<(string, byte[])>();
        while (reader.Read()) fingerprints.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
        return fingerprints;
    }

    /// <summary>Every stored row with the parts its fingerprint covers and the counts it records, for integrity checks.</summary>
    public IEnumerable<(string Id, byte[] Hash, string Text, string Diagnostics, byte[] Facts, long Nodes, long Relationships)> ReadRowsForCheck()
    {
        using var command = Command("SELECT id, hash, text, diagnostics, facts, node_count, relationship_count FROM documents ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return (reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<byte[]>(4), reader.GetInt64(5), reader.GetInt64(6));
    }

    /// <summary>Rows of a query with one text column, for integrity checks.</summary>
    public IReadOnlyList<string> QueryStrings(string sql)
    {
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read()) result.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        return result;
    }

    public long StoreSizeBytes() =>
        Directory.EnumerateFiles(_directory, FileName + "*").Sum(f => new FileInfo(f).Length);

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, (string Name, object Value)[] parameters, bool ignoreMissingTable = false)
    {
        using var command = Command(sql, parameters);
        try
        {
            var value = command.ExecuteScalar();
            return value is DBNull ? null : value;
        }
        catch (SqliteException error) when (ignoreMissingTable && error.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return null;
        }
    }
}

/// <summary>
/// Copies a store's database while it may be in use, through SQLite's online backup API: the copy is one
/// snapshot (a single read transaction, which in WAL mode never blocks the writer), holding every document and
/// saved write committed when it began. It is written beside the destination, checked, flushed to disk, and only
/// then renamed over it, so a backup killed half-way leaves no half a file under the destination's name.
/// </summary>
internal static class FactDatabaseBackup
{
    public static (long Documents, long SavedWrites) Copy(string directory, string destination)
    {
        var source = Path.Combine(directory, FactDatabase.FileName);
        if (!File.Exists(source)) throw new FileNotFoundException($"There is no store in {directory} ({FactDatabase.FileName} is missing).", source);
        var partial = destination + ".partial";
        File.Delete(partial);
        try
        {
            using (var from = Open(source, SqliteOpenMode.ReadWrite))
            using (var to = Open(partial, SqliteOpenMode.ReadWriteCreate))
                from.BackupDatabase(to);

            (long, long) counts;
            using (var copy = Open(partial, SqliteOpenMode.ReadWrite))
            {
                var integrity = Strings(copy, "PRAGMA integrity_check");
                if (integrity is not ["ok"]) throw new InvalidDataException($"The copy failed SQLite's integrity check: {string.Join("; ", integrity.Take(3))}");
                // The copy keeps WAL mode in its header; emptying its WAL makes it one self-contained file.
                Strings(copy, "PRAGMA wal_checkpoint(TRUNCATE)");
                counts = (long.Parse(Strings(copy, "SELECT count(*) FROM documents")[0], CultureInfo.InvariantCulture),
                    long.Parse(Strings(copy, "SELECT count(*) FROM saved_writes")[0], CultureInfo.InvariantCulture));
            }
            using (var written = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite))
                written.Flush(flushToDisk: true);
            File.Move(partial, destination, overwrite: true);
            return counts;
        }
        finally
        {
            foreach (var leftover in new[] { partial, partial + "-wal", partial + "-shm" })
                if (File.Exists(leftover)) File.Delete(leftover);
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        return rows;
    }
}
