# Examples after Neo4j's Cypher manual, "Node pattern predicates" and "Relationship pattern predicates" (WHERE inside a pattern).
Feature: InlinePredicates

  Scenario: WHERE inside a node pattern
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player WHERE p.age < 22)
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name       |
      | 'Player A' |
      | 'Player C' |
    And no side effects

  Scenario: WHERE inside a node pattern with a property map
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player {name: 'Player A'} WHERE p.age > 20)
      RETURN p.age AS age
      """
    Then the result should be, in any order:
      | age |
      | 21  |
    And no side effects

  Scenario: WHERE inside a relationship pattern
    Given the teams graph
    When executing query:
      """
      MATCH (:Team {name: 'Team A'})-[o:OWES WHERE o.dollars > 2000]->(t:Team)
      RETURN o.dollars AS dollars, t.name AS team
      """
    Then the result should be, in any order:
      | dollars | team     |
      | 3000    | 'Team B' |
    And no side effects

  Scenario: WHERE in both node patterns of a path, referring to each other
    Given the teams graph
    When executing query:
      """
      MATCH (a:Player WHERE a.age > 20)-[:PLAYS_FOR]->(t:Team)<-[:PLAYS_FOR]-(b:Player WHERE b.age > a.age)
      RETURN a.name AS younger, b.name AS older
      """
    Then the result should be, in any order:
      | younger    | older      |
      | 'Player A' | 'Player B' |
      | 'Player E' | 'Player F' |
    And no side effects

  Scenario: WHERE inside a pattern combined with the clause's WHERE
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player WHERE p.age > 20)-[:PLAYS_FOR]->(t:Team)
      WHERE t.name = 'Team C'
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name       |
      | 'Player E' |
      | 'Player F' |
    And no side effects

  Scenario: WHERE inside an OPTIONAL MATCH pattern keeps the row with nulls
    Given the teams graph
    When executing query:
      """
      MATCH (t:Team)
      OPTIONAL MATCH (t)<-[:PLAYS_FOR]-(p:Player WHERE p.age > 30)
      RETURN t.name AS team, p.name AS senior
      """
    Then the result should be, in any order:
      | team     | senior     |
      | 'Team A' | null       |
      | 'Team B' | null       |
      | 'Team C' | 'Player F' |
    And no side effects

  Scenario: WHERE inside a pattern of a pattern comprehension
    Given the teams graph
    When executing query:
      """
      MATCH (t:Team {name: 'Team A'})
      RETURN [(t)<-[:PLAYS_FOR]-(p:Player WHERE p.age > 21) | p.name] AS names
      """
    Then the result should be, in any order:
      | names        |
      | ['Player B'] |
    And no side effects

  Scenario: WHERE inside an EXISTS pattern
    Given the teams graph
    When executing query:
      """
      MATCH (t:Team)
      WHERE EXISTS { (t)<-[:PLAYS_FOR]-(p:Player WHERE p.age > 30) }
      RETURN t.name AS team
      """
    Then the result should be, in any order:
      | team     |
      | 'Team C' |
    And no side effects

  Scenario: A relationship predicate may not go with a length
    Given any graph
    When executing query:
      """
      MATCH (a)-[r* WHERE r.x > 1]->(b)
      RETURN a
      """
    Then a SyntaxError should be raised at compile time: *
