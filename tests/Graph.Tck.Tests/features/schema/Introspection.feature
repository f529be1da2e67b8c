Feature: Schema introspection

  Scenario: [1] nodeTypeProperties lists each property of each label set
    Given an empty graph
    And having executed:
      """
      CREATE (:Person {name: 'Alice', age: 30}), (:Person {name: 'Bob'}), (:City {name: 'Oslo', population: 709037.5})
      """
    When executing query:
      """
      CALL db.schema.nodeTypeProperties()
      """
    Then the result should be, in any order:
      | nodeType     | nodeLabels | propertyName | propertyTypes | mandatory |
      | ':`City`'    | ['City']   | 'name'       | ['String']    | true      |
      | ':`City`'    | ['City']   | 'population' | ['Double']    | true      |
      | ':`Person`'  | ['Person'] | 'age'        | ['Long']      | false     |
      | ':`Person`'  | ['Person'] | 'name'       | ['String']    | true      |
    And no side effects

  Scenario: [2] relTypeProperties lists each property of each relationship type
    Given an empty graph
    And having executed:
      """
      CREATE (a:Person)-[:KNOWS {since: 2020}]->(b:Person), (a)-[:KNOWS]->(:Person), (b)-[:LIVES_IN]->(:City)
      """
    When executing query:
      """
      CALL db.schema.relTypeProperties()
      """
    Then the result should be, in any order:
      | relType       | propertyName | propertyTypes | mandatory |
      | ':`KNOWS`'    | 'since'      | ['Long']      | false     |
      | ':`LIVES_IN`' | null         | null          | false     |
    And no side effects

  Scenario: [3] The schema visualization has a node per label and a relationship per connected pair
    Given an empty graph
    And having executed:
      """
      CREATE (a:Person)-[:KNOWS]->(b:Person), (b)-[:LIVES_IN]->(:City)
      """
    When executing query:
      """
      CALL db.schema.visualization() YIELD nodes, relationships
      RETURN size(nodes) AS labels, size(relationships) AS triples
      """
    Then the result should be, in any order:
      | labels | triples |
      | 2      | 2       |
    And no side effects

  Scenario: [4] SHOW PROCEDURES lists the schema procedures
    Given an empty graph
    When executing query:
      """
      SHOW PROCEDURES YIELD name, mode WHERE name STARTS WITH 'db.schema.'
      """
    Then the result should be, in any order:
      | name                           | mode   |
      | 'db.schema.nodeTypeProperties' | 'READ' |
      | 'db.schema.relTypeProperties'  | 'READ' |
      | 'db.schema.visualization'      | 'READ' |
    And no side effects

  Scenario: [5] SHOW FUNCTIONS gives each function's category
    Given an empty graph
    When executing query:
      """
      SHOW FUNCTIONS YIELD name, category, aggregating WHERE name IN ['count', 'toUpper', 'date', 'point.distance']
      """
    Then the result should be, in any order:
      | name             | category      | aggregating |
      | 'count'          | 'Aggregating' | true        |
      | 'toUpper'        | 'String'      | false       |
      | 'date'           | 'Temporal'    | false       |
      | 'point.distance' | 'Spatial'     | false       |
    And no side effects

  Scenario: [6] EXPLAIN returns no rows and changes nothing
    Given an empty graph
    When executing query:
      """
      EXPLAIN CREATE (:Person {name: 'never'}) RETURN 1 AS one
      """
    Then the result should be empty
    And no side effects

  Scenario: [7] PROFILE returns the query's rows
    Given an empty graph
    And having executed:
      """
      UNWIND range(1, 3) AS i CREATE (:Person {i: i})
      """
    When executing query:
      """
      PROFILE MATCH (p:Person) RETURN p.i AS i ORDER BY i
      """
    Then the result should be, in order:
      | i |
      | 1 |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [8] A misspelled keyword is a syntax error
    Given an empty graph
    When executing query:
      """
      MATCH (n) RETRUN n
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax
