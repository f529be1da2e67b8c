# Examples after Neo4j's Operations and Cypher manuals, "Procedures": db.labels, db.relationshipTypes, db.propertyKeys,
# dbms.components and db.ping.
Feature: Procedures

  Scenario: db.labels lists the labels in use
    Given the pets graph
    When executing query:
      """
      CALL db.labels()
      """
    Then the result should be, in order:
      | label     |
      | 'Cat'     |
      | 'Dog'     |
      | 'Person'  |
      | 'Swedish' |
      | 'Toy'     |
    And no side effects

  Scenario: db.labels with YIELD in a query
    Given the pets graph
    When executing query:
      """
      CALL db.labels() YIELD label
      WHERE label STARTS WITH 'S'
      RETURN label
      """
    Then the result should be, in any order:
      | label     |
      | 'Swedish' |
    And no side effects

  Scenario: db.relationshipTypes lists the relationship types in use
    Given the pets graph
    When executing query:
      """
      CALL db.relationshipTypes()
      """
    Then the result should be, in order:
      | relationshipType |
      | 'HAS_CAT'        |
      | 'HAS_DOG'        |
      | 'HAS_TOY'        |
    And no side effects

  Scenario: db.propertyKeys lists the property keys in use
    Given the pets graph
    When executing query:
      """
      CALL db.propertyKeys() YIELD propertyKey
      RETURN collect(propertyKey) AS keys
      """
    Then the result should be, in any order:
      | keys                     |
      | ['age', 'name', 'since'] |
    And no side effects

  Scenario: db.labels on an empty graph
    Given an empty graph
    When executing query:
      """
      CALL db.labels() YIELD label
      RETURN count(label) AS labels
      """
    Then the result should be, in any order:
      | labels |
      | 0      |
    And no side effects

  Scenario: dbms.components names one component
    Given any graph
    When executing query:
      """
      CALL dbms.components() YIELD name, versions, edition
      RETURN count(*) AS components, size(versions) AS versionCount
      """
    Then the result should be, in any order:
      | components | versionCount |
      | 1          | 1            |
    And no side effects

  Scenario: db.ping succeeds
    Given any graph
    When executing query:
      """
      CALL db.ping()
      """
    Then the result should be, in any order:
      | success |
      | true    |
    And no side effects

  Scenario: A label in use only after a write is listed
    Given an empty graph
    And having executed:
      """
      CREATE (:Resolution {symbol: 'A/RES/77/13'})
      """
    When executing query:
      """
      CALL db.labels()
      """
    Then the result should be, in any order:
      | label        |
      | 'Resolution' |
    And no side effects
