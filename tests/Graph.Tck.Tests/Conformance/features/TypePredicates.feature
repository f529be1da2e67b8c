# Examples after Neo4j's Cypher manual, "Type predicate expressions" and "Values and types: types and their synonyms".
Feature: TypePredicates

  Scenario Outline: Type predicate <expression>
    Given any graph
    When executing query:
      """
      RETURN <expression> AS result
      """
    Then the result should be, in any order:
      | result   |
      | <result> |
    And no side effects

    Examples:
      | expression | result |
      | 42 IS :: INTEGER | true |
      | true IS :: INTEGER | false |
      | 'abc' IS :: INTEGER | false |
      | null IS :: INTEGER | true |
      | 42 IS NOT :: STRING | true |
      | 'abc' IS NOT :: STRING | false |
      | null IS NOT :: STRING | false |
      | null IS :: BOOLEAN | true |
      | null IS :: BOOLEAN NOT NULL | false |
      | (null + 1) IS NOT :: DATE | false |
      | (null + 1) IS NOT :: DATE NOT NULL | true |
      | 42 IS :: INTEGER NOT NULL | true |
      | 42 IS :: INT | true |
      | 42 IS :: SIGNED INTEGER | true |
      | 4.2 IS :: FLOAT | true |
      | 4.2 IS :: INTEGER | false |
      | true IS :: BOOL | true |
      | 'abc' IS :: VARCHAR | true |
      | [1, 2] IS :: LIST<INTEGER> | true |
      | [1, 'a'] IS :: LIST<INTEGER> | false |
      | [1, 'a'] IS :: LIST<INTEGER \| STRING> | true |
      | [1, 'a'] IS :: LIST<ANY> | true |
      | [] IS :: LIST<NOTHING> | true |
      | [1] IS :: LIST<NOTHING> | false |
      | [1, null] IS :: LIST<INTEGER> | true |
      | [1, null] IS :: LIST<INTEGER NOT NULL> | false |
      | {a: 1} IS :: MAP | true |
      | [1] IS :: MAP | false |
      | 1 IS :: INTEGER \| FLOAT | true |
      | 1.5 IS :: INTEGER \| FLOAT | true |
      | '1' IS :: INTEGER \| FLOAT | false |
      | 1 IS :: ANY<INTEGER \| FLOAT> | true |
      | null IS :: NULL | true |
      | 1 IS :: NULL | false |
      | null IS :: NOTHING | false |
      | 1 IS :: ANY | true |
      | null IS :: ANY NOT NULL | false |
      | date('2024-01-01') IS :: DATE | true |
      | datetime('2024-01-01T10:00:00Z') IS :: ZONED DATETIME | true |
      | localdatetime('2024-01-01T10:00:00') IS :: LOCAL DATETIME | true |
      | localtime('10:00') IS :: LOCAL TIME | true |
      | time('10:00Z') IS :: ZONED TIME | true |
      | duration('P1D') IS :: DURATION | true |
      | date('2024-01-01') IS :: LOCAL DATETIME | false |
      | localdatetime('2024-01-01T10:00:00') IS :: TIMESTAMP WITHOUT TIME ZONE | true |
      | point({x: 1, y: 2}) IS :: POINT | true |
      | 1 IS :: POINT | false |
      | 1 IS :: PROPERTY VALUE | true |
      | [1, 2] IS :: PROPERTY VALUE | true |
      | [1, 'a'] IS :: PROPERTY VALUE | false |
      | {a: 1} IS :: PROPERTY VALUE | false |
      | 42 :: INTEGER | true |
      | 'a' :: STRING NOT NULL | true |
      | 1 IS :: INTEGER! | true |
      | [[1]] IS :: LIST<LIST<INTEGER>> | true |

  Scenario: Type predicates filter the values of a list
    Given any graph
    When executing query:
      """
      UNWIND [42, true, 'abc', null] AS val
      RETURN val, val IS :: INTEGER AS isInteger
      """
    Then the result should be, in any order:
      | val   | isInteger |
      | 42    | true      |
      | true  | false     |
      | 'abc' | false     |
      | null  | true      |
    And no side effects

  Scenario: Type predicates on nodes, relationships and paths
    Given an empty graph
    And having executed:
      """
      CREATE (:Person {name: 'Alice'})-[:KNOWS]->(:Person {name: 'Bob'})
      """
    When executing query:
      """
      MATCH p = (a)-[r]->(b)
      RETURN a IS :: NODE AS node, r IS :: RELATIONSHIP AS rel, p IS :: PATH AS path, a IS :: MAP AS nodeIsMap, r IS :: EDGE AS edge, a IS :: VERTEX AS vertex
      """
    Then the result should be, in any order:
      | node | rel  | path | nodeIsMap | edge | vertex |
      | true | true | true | false     | true | true   |
    And no side effects

  Scenario: A type predicate in WHERE keeps the values of one type
    Given an empty graph
    And having executed:
      """
      CREATE (:Item {v: 1}), (:Item {v: 'one'}), (:Item {v: 1.0}), (:Item {v: [1]}), (:Item)
      """
    When executing query:
      """
      MATCH (n:Item) WHERE n.v IS :: INTEGER NOT NULL
      RETURN n.v AS v
      """
    Then the result should be, in any order:
      | v |
      | 1 |
    And no side effects
