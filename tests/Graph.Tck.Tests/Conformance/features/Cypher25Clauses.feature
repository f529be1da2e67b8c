# Examples after Neo4j's Cypher 25 manual, "LET", "FILTER", "FINISH" and "NEXT".
Feature: Cypher25Clauses

  Scenario: LET binds a value to a variable
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player)
      LET isAdult = p.age >= 21
      RETURN p.name AS name, isAdult
      ORDER BY name
      """
    Then the result should be, in order:
      | name       | isAdult |
      | 'Player A' | true    |
      | 'Player B' | true    |
      | 'Player C' | false   |
      | 'Player D' | true    |
      | 'Player E' | true    |
      | 'Player F' | true    |
    And no side effects

  Scenario: LET binds several variables, a later one using an earlier clause
    Given any graph
    When executing query:
      """
      LET a = 1, b = 2
      LET c = a + b
      RETURN a, b, c
      """
    Then the result should be, in any order:
      | a | b | c |
      | 1 | 2 | 3 |
    And no side effects

  Scenario: LET keeps every variable in scope
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player)-[:PLAYS_FOR]->(t:Team {name: 'Team A'})
      LET label = p.name + ' of ' + t.name
      RETURN label
      """
    Then the result should be, in any order:
      | label                 |
      | 'Player A of Team A'  |
      | 'Player B of Team A'  |
    And no side effects

  Scenario: FILTER keeps the rows that satisfy its predicate
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player)
      FILTER p.age > 25
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name       |
      | 'Player D' |
      | 'Player F' |
    And no side effects

  Scenario: FILTER WHERE is the same as FILTER
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player)
      FILTER WHERE p.age < 20
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name       |
      | 'Player C' |
    And no side effects

  Scenario: FILTER after LET
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player)
      LET decade = p.age / 10 * 10
      FILTER decade = 20
      RETURN p.name AS name, decade
      """
    Then the result should be, in any order:
      | name       | decade |
      | 'Player A' | 20     |
      | 'Player B' | 20     |
      | 'Player E' | 20     |
    And no side effects

  Scenario: FILTER between two MATCH clauses
    Given the teams graph
    When executing query:
      """
      MATCH (t:Team)
      FILTER t.name <> 'Team A'
      MATCH (p:Player)-[:PLAYS_FOR]->(t)
      RETURN t.name AS team, count(p) AS players
      """
    Then the result should be, in any order:
      | team     | players |
      | 'Team B' | 1       |
      | 'Team C' | 2       |
    And no side effects

  Scenario: FINISH runs an update and returns nothing
    Given an empty graph
    When executing query:
      """
      CREATE (n:Note {text: 'done'})
      FINISH
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: FINISH after a read returns no rows
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player)
      FINISH
      """
    Then the result should be empty
    And no side effects

  Scenario: NEXT passes what one query returns to the next
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player)-[:PLAYS_FOR]->(t:Team)
      RETURN t.name AS team, count(p) AS players
      NEXT
      FILTER players > 1
      RETURN team
      """
    Then the result should be, in any order:
      | team     |
      | 'Team A' |
      | 'Team C' |
    And no side effects

  Scenario: NEXT chains three queries
    Given any graph
    When executing query:
      """
      UNWIND [1, 2, 3] AS x
      RETURN x * 2 AS y
      NEXT
      RETURN sum(y) AS total
      NEXT
      RETURN total + 1 AS result
      """
    Then the result should be, in any order:
      | result |
      | 13     |
    And no side effects

  Scenario: NEXT then an update
    Given an empty graph
    When executing query:
      """
      UNWIND ['a', 'b'] AS name
      RETURN name
      NEXT
      CREATE (:Tag {name: name})
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 2 |
