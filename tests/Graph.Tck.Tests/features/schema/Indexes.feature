Feature: Indexes

  Scenario: [1] An index created with a name is listed with Neo4j's columns
    Given an empty graph
    And having executed:
      """
      CREATE INDEX person_name FOR (p:Person) ON (p.name)
      """
    When executing query:
      """
      SHOW RANGE INDEXES YIELD name, state, type, entityType, labelsOrTypes, properties, indexProvider, owningConstraint
      """
    Then the result should be, in any order:
      | name          | state    | type    | entityType | labelsOrTypes | properties | indexProvider | owningConstraint |
      | 'person_name' | 'ONLINE' | 'RANGE' | 'NODE'     | ['Person']    | ['name']   | 'range-1.0'   | null             |
    And no side effects

  Scenario: [2] IF NOT EXISTS makes creating an existing index do nothing
    Given an empty graph
    And having executed:
      """
      CREATE INDEX person_name FOR (p:Person) ON (p.name)
      """
    When executing query:
      """
      CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name)
      """
    Then the result should be empty
    And no side effects

  Scenario: [3] Creating an index under a name in use fails
    Given an empty graph
    And having executed:
      """
      CREATE INDEX person_name FOR (p:Person) ON (p.name)
      """
    When executing query:
      """
      CREATE INDEX person_name FOR (c:City) ON (c.name)
      """
    Then a SchemaError should be raised at runtime: IndexAlreadyExists

  Scenario: [4] An unnamed index gets a generated name
    Given an empty graph
    And having executed:
      """
      CREATE TEXT INDEX FOR (p:Person) ON (p.email)
      """
    When executing query:
      """
      SHOW TEXT INDEXES YIELD name, type, properties
      RETURN name STARTS WITH 'index_' AS generated, type, properties
      """
    Then the result should be, in any order:
      | generated | type   | properties |
      | true      | 'TEXT' | ['email']  |
    And no side effects

  Scenario: [5] A relationship type index is listed as a relationship index
    Given an empty graph
    And having executed:
      """
      CREATE INDEX knows_since FOR ()-[k:KNOWS]-() ON (k.since)
      """
    When executing query:
      """
      SHOW INDEXES YIELD name, entityType, labelsOrTypes WHERE name = 'knows_since'
      """
    Then the result should be, in any order:
      | name          | entityType     | labelsOrTypes |
      | 'knows_since' | 'RELATIONSHIP' | ['KNOWS']     |
    And no side effects

  Scenario: [6] A dropped index is no longer listed
    Given an empty graph
    And having executed:
      """
      CREATE INDEX person_name FOR (p:Person) ON (p.name)
      """
    And having executed:
      """
      DROP INDEX person_name
      """
    When executing query:
      """
      SHOW RANGE INDEXES YIELD name
      """
    Then the result should be empty
    And no side effects

  Scenario: [7] Dropping a missing index fails unless IF EXISTS
    Given an empty graph
    When executing query:
      """
      DROP INDEX missing
      """
    Then a SchemaError should be raised at runtime: IndexDropFailed

  Scenario: [8] Dropping a missing index with IF EXISTS does nothing
    Given an empty graph
    When executing query:
      """
      DROP INDEX missing IF EXISTS
      """
    Then the result should be empty
    And no side effects

  Scenario: [9] An indexed equality finds the same nodes as a scan
    Given an empty graph
    And having executed:
      """
      UNWIND range(1, 50) AS i CREATE (:Person {name: 'p' + (i % 7), age: i})
      """
    And having executed:
      """
      CREATE INDEX person_name FOR (p:Person) ON (p.name)
      """
    When executing query:
      """
      MATCH (p:Person) WHERE p.name = 'p3' RETURN count(p) AS n
      """
    Then the result should be, in any order:
      | n |
      | 7 |
    And no side effects

  Scenario: [10] An indexed IN list finds the nodes of every element once
    Given an empty graph
    And having executed:
      """
      UNWIND range(1, 50) AS i CREATE (:Person {name: 'p' + (i % 7), age: i})
      """
    And having executed:
      """
      CREATE INDEX person_name FOR (p:Person) ON (p.name)
      """
    When executing query:
      """
      MATCH (p:Person) WHERE p.name IN ['p1', 'p2', 'p1', null] RETURN p.name AS name, count(*) AS n ORDER BY name
      """
    Then the result should be, in order:
      | name | n |
      | 'p1' | 8 |
      | 'p2' | 7 |
    And no side effects

  Scenario: [11] The createStatement of an index makes it again
    Given an empty graph
    And having executed:
      """
      CREATE INDEX person_name FOR (p:Person) ON (p.name)
      """
    When executing query:
      """
      SHOW INDEXES YIELD name, createStatement WHERE name = 'person_name' RETURN createStatement
      """
    Then the result should be, in any order:
      | createStatement                                                       |
      | 'CREATE RANGE INDEX `person_name` FOR (n:`Person`) ON (n.`name`)'    |
    And no side effects

  Scenario: [12] A relationship property index finds the same relationships as a scan
    Given an empty graph
    And having executed:
      """
      UNWIND range(1, 30) AS i CREATE (:Person {n: i})-[:KNOWS {since: 2000 + i % 4}]->(:Person {n: 100 + i})
      """
    And having executed:
      """
      CREATE INDEX knows_since FOR ()-[r:KNOWS]-() ON (r.since)
      """
    When executing query:
      """
      MATCH (a:Person)-[r:KNOWS]->(b:Person) WHERE r.since = 2001 RETURN count(*) AS n, min(a.n) AS first
      """
    Then the result should be, in any order:
      | n | first |
      | 8 | 1     |
    And no side effects

  Scenario: [13] A relationship property index answers an inline property map in either direction
    Given an empty graph
    And having executed:
      """
      UNWIND range(1, 30) AS i CREATE (:Person {n: i})-[:KNOWS {since: 2000 + i % 4}]->(:Person {n: 100 + i})
      """
    And having executed:
      """
      CREATE INDEX knows_since FOR ()-[r:KNOWS]-() ON (r.since)
      """
    When executing query:
      """
      MATCH (b:Person)<-[:KNOWS {since: 2003}]-(a:Person) WHERE a.n < 10 RETURN a.n AS a, b.n AS b ORDER BY a
      """
    Then the result should be, in order:
      | a | b   |
      | 3 | 103 |
      | 7 | 107 |
    And no side effects

  Scenario: [14] A relationship index is listed as a relationship index with its type and property
    Given an empty graph
    And having executed:
      """
      CREATE INDEX knows_since FOR ()-[r:KNOWS]-() ON (r.since)
      """
    When executing query:
      """
      SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties WHERE name = 'knows_since'
      RETURN name, type, entityType, labelsOrTypes, properties
      """
    Then the result should be, in any order:
      | name          | type    | entityType     | labelsOrTypes | properties |
      | 'knows_since' | 'RANGE' | 'RELATIONSHIP' | ['KNOWS']     | ['since']  |
    And no side effects
