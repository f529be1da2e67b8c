namespace Graph.Store.Embedded;

/// <summary>What a backup holds.</summary>
/// <param name="File">The database file written.</param>
/// <param name="Documents">Documents in the copy.</param>
/// <param name="SavedWrites">Saved query writes in the copy.</param>
public sealed record BackupSummary(string File, long Documents, long SavedWrites);

public sealed partial class EmbeddedGraphStore
{
    /// <summary>
    /// Copies the store in <paramref name="dataDirectory"/> to <paramref name="destination"/> (a file, or a folder that
    /// receives graph.db), consistently, while a server or an ingest may be writing to it. The whole store is that one
    /// database: the documents and the saved query writes are tables of it. The store is not opened (nothing is
    /// loaded into memory); the copy is a store of its own that <c>graph check --data</c> and the server open as is.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no store in <paramref name="dataDirectory"/>.</exception>
    /// <exception cref="InvalidDataException">The copy failed SQLite's integrity check.</exception>
    public static BackupSummary Backup(string dataDirectory, string destination)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(destination);
        if (System.IO.Directory.Exists(destination) || destination.EndsWith(Path.DirectorySeparatorChar) || destination.EndsWith(Path.AltDirectorySeparatorChar))
        {
            System.IO.Directory.CreateDirectory(destination);
            destination = Path.Combine(destination, FactDatabase.FileName);
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination));
        if (folder is not null) System.IO.Directory.CreateDirectory(folder);
        if (string.Equals(Path.GetFullPath(destination), Path.GetFullPath(Path.Combine(dataDirectory, FactDatabase.FileName)), StringComparison.Ordinal))
            throw new ArgumentException("The backup would overwrite the store itself; choose another --out.", nameof(destination));
        var (documents, savedWrites) = FactDatabaseBackup.Copy(dataDirectory, destination);
        return new BackupSummary(Path.GetFullPath(destination), documents, savedWrites);
    }

    /// <summary>Copies the write-ahead log into the database and cuts it to zero bytes; false when a reader or writer was in the way.</summary>
    public bool Checkpoint() => _database.Checkpoint(truncate: true);

    /// <summary>Size of the write-ahead log file beside the database, in bytes.</summary>
    public long WalSizeBytes => _database.WalSizeBytes();
}
