# Examples after Neo4j's Cypher manual, "FOREACH".
Feature: Foreach

  Scenario: FOREACH marks every node of a path
    Given an empty graph
    And having executed:
      """
      CREATE (:Person {name: 'A'})-[:KNOWS]->(:Person {name: 'B'})-[:KNOWS]->(:Person {name: 'C'})-[:KNOWS]->(:Person {name: 'D'})
      """
    When executing query:
      """
      MATCH p = (start:Person {name: 'A'})-[*]->(finish:Person {name: 'D'})
      FOREACH (n IN nodes(p) | SET n.marked = true)
      """
    Then the result should be empty
    And the side effects should be:
      | +properties | 4 |

  Scenario: FOREACH creates a node per list element
    Given an empty graph
    When executing query:
      """
      FOREACH (name IN ['Ana', 'Bo', 'Cy'] | CREATE (:Person {name: name}))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: FOREACH keeps the incoming rows
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2] AS i
      FOREACH (j IN range(1, i) | CREATE (:Item {i: i, j: j}))
      RETURN i
      """
    Then the result should be, in any order:
      | i |
      | 1 |
      | 2 |
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 6 |

  Scenario: FOREACH over null does nothing
    Given an empty graph
    When executing query:
      """
      WITH null AS list
      FOREACH (x IN list | CREATE (:Item))
      RETURN 1 AS one
      """
    Then the result should be, in any order:
      | one |
      | 1   |
    And no side effects

  Scenario: FOREACH with MERGE and several updates
    Given an empty graph
    When executing query:
      """
      FOREACH (name IN ['x', 'y', 'x'] |
        MERGE (t:Tag {name: name})
        SET t.seen = coalesce(t.seen, 0) + 1)
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 4 |

  Scenario: FOREACH nests
    Given an empty graph
    When executing query:
      """
      FOREACH (i IN [1, 2] | FOREACH (j IN [1, 2, 3] | CREATE (:Cell {i: i, j: j})))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 6  |
      | +labels     | 1  |
      | +properties | 12 |

  Scenario: FOREACH links the nodes of a list
    Given an empty graph
    And having executed:
      """
      CREATE (:Stop {n: 1}), (:Stop {n: 2}), (:Stop {n: 3})
      """
    When executing query:
      """
      MATCH (s:Stop)
      WITH s ORDER BY s.n
      WITH collect(s) AS stops
      FOREACH (i IN range(0, size(stops) - 2) |
        FOREACH (a IN [stops[i]] | FOREACH (b IN [stops[i + 1]] | CREATE (a)-[:NEXT]->(b))))
      """
    Then the result should be empty
    And the side effects should be:
      | +relationships | 2 |

  Scenario: FOREACH does not take a MATCH
    Given any graph
    When executing query:
      """
      FOREACH (x IN [1] | MATCH (n) SET n.x = x)
      """
    Then a SyntaxError should be raised at compile time: *

  Scenario: What FOREACH binds stays inside it
    Given any graph
    When executing query:
      """
      FOREACH (x IN [1] | CREATE (n:Item))
      RETURN n
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable
