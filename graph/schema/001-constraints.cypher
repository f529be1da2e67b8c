// Uniqueness of node ids. Every graph node carries the label Entity besides its model labels, so that
// MERGE (n:Entity {id: ...}) finds a node through one index whatever its other labels (a stub Document
// cited before it is ingested, an Organization mentioned by many documents).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// One bookkeeping node per ingested document: its content hash, its text and the ids of the facts it
// stated, so that re-ingesting it replaces exactly those facts.
CREATE CONSTRAINT ingested_document_id IF NOT EXISTS FOR (d:IngestedDocument) REQUIRE d.documentId IS UNIQUE;
