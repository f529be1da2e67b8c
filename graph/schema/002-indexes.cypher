// Lookups the explorer and users' queries make: MATCH (d:Document {id: ...}), documents by symbol, year,
// body and kind (citation filters), paragraphs of a document, series and organisations by id.
CREATE INDEX document_id IF NOT EXISTS FOR (n:Document) ON (n.id);
CREATE INDEX document_symbol IF NOT EXISTS FOR (n:Document) ON (n.symbol);
CREATE INDEX document_year IF NOT EXISTS FOR (n:Document) ON (n.year);
CREATE INDEX document_body_kind IF NOT EXISTS FOR (n:Document) ON (n.body, n.kind);
CREATE INDEX paragraph_id IF NOT EXISTS FOR (n:Paragraph) ON (n.id);
CREATE INDEX footnote_id IF NOT EXISTS FOR (n:Footnote) ON (n.id);
CREATE INDEX organization_id IF NOT EXISTS FOR (n:Organization) ON (n.id);
CREATE INDEX operation_id IF NOT EXISTS FOR (n:Operation) ON (n.id);
CREATE INDEX agreement_id IF NOT EXISTS FOR (n:Agreement) ON (n.id);
CREATE INDEX meeting_id IF NOT EXISTS FOR (n:Meeting) ON (n.id);
CREATE INDEX session_id IF NOT EXISTS FOR (n:Session) ON (n.id);
CREATE INDEX series_id IF NOT EXISTS FOR (n:Series) ON (n.id);
