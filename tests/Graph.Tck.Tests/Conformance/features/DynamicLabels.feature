# Examples after Neo4j's Cypher manual, "Dynamic labels and types" in MATCH, CREATE, MERGE, SET and REMOVE ($(expr)).
Feature: DynamicLabels

  Scenario: CREATE with a dynamic label from a parameter
    Given an empty graph
    And parameters are:
      | label | 'Person' |
    When executing query:
      """
      CREATE (n:$($label) {name: 'Ana'})
      RETURN labels(n) AS labels
      """
    Then the result should be, in any order:
      | labels     |
      | ['Person'] |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: CREATE with a list of dynamic labels and a static one
    Given an empty graph
    When executing query:
      """
      WITH ['Person', 'Employee'] AS more
      CREATE (n:Staff:$(more))
      RETURN labels(n) AS labels
      """
    Then the result should be (ignoring element order for lists):
      | labels                          |
      | ['Staff', 'Person', 'Employee'] |
    And the side effects should be:
      | +nodes  | 1 |
      | +labels | 3 |

  Scenario: CREATE a relationship with a dynamic type
    Given an empty graph
    When executing query:
      """
      WITH 'KNOWS' AS type
      CREATE (:P)-[r:$(type)]->(:P)
      RETURN type(r) AS t
      """
    Then the result should be, in any order:
      | t       |
      | 'KNOWS' |
    And the side effects should be:
      | +nodes         | 2 |
      | +relationships | 1 |
      | +labels        | 1 |

  Scenario: MATCH with a dynamic label
    Given the teams graph
    When executing query:
      """
      WITH 'Team' AS kind
      MATCH (n:$(kind))
      RETURN count(n) AS teams
      """
    Then the result should be, in any order:
      | teams |
      | 3     |
    And no side effects

  Scenario: MATCH with $all of several labels
    Given the labels graph
    When executing query:
      """
      MATCH (n:$all(['A', 'B']))
      RETURN n.name AS name
      """
    Then the result should be, in any order:
      | name     |
      | 'Daniel' |
      | 'George' |
    And no side effects

  Scenario: MATCH with $any of several labels
    Given the labels graph
    When executing query:
      """
      MATCH (n:$any(['A', 'B']))
      RETURN count(n) AS count
      """
    Then the result should be, in any order:
      | count |
      | 6     |
    And no side effects

  Scenario: MATCH a relationship with a dynamic type
    Given the teams graph
    When executing query:
      """
      WITH 'OWES' AS type
      MATCH (:Team {name: 'Team A'})-[r:$(type)]->()
      RETURN sum(r.dollars) AS owed
      """
    Then the result should be, in any order:
      | owed |
      | 4500 |
    And no side effects

  Scenario: MERGE with a dynamic label
    Given an empty graph
    When executing query:
      """
      UNWIND ['City', 'City'] AS label
      MERGE (n:$(label) {name: 'Geneva'})
      RETURN count(*) AS rows
      """
    Then the result should be, in any order:
      | rows |
      | 2    |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: SET a dynamic label from a property
    Given an empty graph
    And having executed:
      """
      CREATE (:Thing {kind: 'Organisation'}), (:Thing {kind: 'Operation'})
      """
    When executing query:
      """
      MATCH (n:Thing)
      SET n:$(n.kind)
      RETURN n.kind AS kind, labels(n) AS labels
      """
    Then the result should be (ignoring element order for lists):
      | kind           | labels                    |
      | 'Organisation' | ['Thing', 'Organisation'] |
      | 'Operation'    | ['Thing', 'Operation']    |
    And the side effects should be:
      | +labels | 2 |

  Scenario: REMOVE a dynamic label
    Given an empty graph
    And having executed:
      """
      CREATE (:Thing:Draft {state: 'Draft'})
      """
    When executing query:
      """
      MATCH (n:Thing)
      REMOVE n:$(n.state)
      RETURN labels(n) AS labels
      """
    Then the result should be, in any order:
      | labels    |
      | ['Thing'] |
    And the side effects should be:
      | -labels | 1 |

  Scenario: A dynamic label must be a string
    Given an empty graph
    When executing query:
      """
      CREATE (n:$(42))
      """
    Then a TypeError should be raised at runtime: InvalidArgumentType
