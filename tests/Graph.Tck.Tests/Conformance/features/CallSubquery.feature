# Examples after Neo4j's Cypher manual, "CALL subqueries" (Cypher 5 and 25), on its teams-and-players graph.
Feature: CallSubquery

  Scenario: A subquery runs once per incoming row
    Given an empty graph
    When executing query:
      """
      UNWIND [0, 1, 2] AS x
      CALL () {
        RETURN 'hello' AS innerReturn
      }
      RETURN innerReturn
      """
    Then the result should be, in any order:
      | innerReturn |
      | 'hello'     |
      | 'hello'     |
      | 'hello'     |
    And no side effects

  Scenario: Each run of a subquery sees the changes of the runs before it
    Given the teams graph
    When executing query:
      """
      UNWIND [1, 2, 3] AS x
      CALL () {
        MATCH (p:Player {name: 'Player A'})
        SET p.age = p.age + 1
        RETURN p.age AS newAge
      }
      MATCH (p:Player {name: 'Player A'})
      RETURN x AS iteration, newAge, p.age AS totalAge
      """
    Then the result should be, in any order:
      | iteration | newAge | totalAge |
      | 1         | 22     | 24       |
      | 2         | 23     | 24       |
      | 3         | 24     | 24       |
    And the side effects should be:
      | +properties | 1 |
      | -properties | 1 |

  Scenario: A scope clause imports the variables it names
    Given the teams graph
    When executing query:
      """
      MATCH (t:Team)
      CALL (t) {
        MATCH (p:Player)-[:PLAYS_FOR]->(t)
        RETURN collect(p.name) AS players
      }
      RETURN t.name AS team, players
      """
    Then the result should be (ignoring element order for lists):
      | team     | players                  |
      | 'Team A' | ['Player A', 'Player B'] |
      | 'Team B' | ['Player D']             |
      | 'Team C' | ['Player E', 'Player F'] |
    And no side effects

  Scenario: A scope clause with * imports every variable
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player), (t:Team)
      WHERE p.name = 'Player D' AND t.name = 'Team B'
      CALL (*) {
        MATCH (p)-[r:PLAYS_FOR]->(t)
        RETURN count(r) AS plays
      }
      RETURN p.name AS player, t.name AS team, plays
      """
    Then the result should be, in any order:
      | player     | team     | plays |
      | 'Player D' | 'Team B' | 1     |
    And no side effects

  Scenario: An empty scope clause imports nothing
    Given the teams graph
    When executing query:
      """
      MATCH (t:Team)
      CALL () {
        MATCH (p:Player)
        RETURN count(p) AS players
      }
      RETURN t.name AS team, players
      """
    Then the result should be, in any order:
      | team     | players |
      | 'Team A' | 6       |
      | 'Team B' | 6       |
      | 'Team C' | 6       |
    And no side effects

  Scenario: An importing WITH imports what it names (the older form)
    Given the teams graph
    When executing query:
      """
      MATCH (t:Team)
      CALL {
        WITH t
        MATCH (p:Player)-[:PLAYS_FOR]->(t)
        RETURN count(p) AS players
      }
      RETURN t.name AS team, players
      """
    Then the result should be, in any order:
      | team     | players |
      | 'Team A' | 2       |
      | 'Team B' | 1       |
      | 'Team C' | 2       |
    And no side effects

  Scenario: A subquery that returns no rows drops the incoming row
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player)
      CALL (p) {
        MATCH (p)-[:PLAYS_FOR]->(team:Team)
        RETURN team
      }
      RETURN p.name AS playerName, team.name AS team
      """
    Then the result should be, in any order:
      | playerName | team     |
      | 'Player A' | 'Team A' |
      | 'Player B' | 'Team A' |
      | 'Player D' | 'Team B' |
      | 'Player E' | 'Team C' |
      | 'Player F' | 'Team C' |
    And no side effects

  Scenario: OPTIONAL CALL keeps the row with nulls
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player)
      OPTIONAL CALL (p) {
        MATCH (p)-[:PLAYS_FOR]->(team:Team)
        RETURN team
      }
      RETURN p.name AS playerName, team.name AS team
      """
    Then the result should be, in any order:
      | playerName | team     |
      | 'Player A' | 'Team A' |
      | 'Player B' | 'Team A' |
      | 'Player C' | null     |
      | 'Player D' | 'Team B' |
      | 'Player E' | 'Team C' |
      | 'Player F' | 'Team C' |
    And no side effects

  Scenario: A subquery returning several rows multiplies the incoming row
    Given the teams graph
    When executing query:
      """
      MATCH (t:Team {name: 'Team A'})
      CALL (t) {
        MATCH (t)-[o:OWES]->(other:Team)
        RETURN o.dollars AS owed, other.name AS owedTo
      }
      RETURN t.name AS team, owed, owedTo
      """
    Then the result should be, in any order:
      | team     | owed | owedTo   |
      | 'Team A' | 1500 | 'Team B' |
      | 'Team A' | 3000 | 'Team B' |
    And no side effects

  Scenario: Post-union processing of the youngest and the oldest player
    Given the teams graph
    When executing query:
      """
      CALL () {
        MATCH (p:Player)
        RETURN p
        ORDER BY p.age ASC
        LIMIT 1
      UNION
        MATCH (p:Player)
        RETURN p
        ORDER BY p.age DESC
        LIMIT 1
      }
      RETURN p.name AS playerName, p.age AS age
      """
    Then the result should be, in any order:
      | playerName | age |
      | 'Player C' | 19  |
      | 'Player F' | 35  |
    And no side effects

  Scenario: UNION ALL in a subquery keeps repeated rows
    Given the teams graph
    When executing query:
      """
      CALL () {
        MATCH (t:Team {name: 'Team A'})
        RETURN t.name AS name
      UNION ALL
        MATCH (t:Team {name: 'Team A'})
        RETURN t.name AS name
      }
      RETURN name
      """
    Then the result should be, in any order:
      | name     |
      | 'Team A' |
      | 'Team A' |
    And no side effects

  Scenario: Aggregating in a subquery per team: the total a team owes
    Given the teams graph
    When executing query:
      """
      MATCH (t:Team)
      CALL (t) {
        MATCH (t)-[o:OWES]->(other:Team)
        RETURN sum(o.dollars) AS owedAmount, collect(DISTINCT other.name) AS owedTeams
      }
      RETURN t.name AS owingTeam, owedAmount, owedTeams
      """
    Then the result should be, in any order:
      | owingTeam | owedAmount | owedTeams  |
      | 'Team A'  | 4500       | ['Team B'] |
      | 'Team B'  | 1700       | ['Team C'] |
      | 'Team C'  | 5000       | ['Team B'] |
    And no side effects

  Scenario: A unit subquery runs for its writes and passes each row on
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player)
      CALL (p) {
        UNWIND range(1, 3) AS i
        CREATE (:Person {name: p.name})
      }
      RETURN count(*) AS players
      """
    Then the result should be, in any order:
      | players |
      | 6       |
    And the side effects should be:
      | +nodes      | 18 |
      | +labels     | 1  |
      | +properties | 18 |

  Scenario: A subquery may return what it created
    Given an empty graph
    When executing query:
      """
      UNWIND ['Ana', 'Bo'] AS name
      CALL (name) {
        CREATE (p:Person {name: name})
        RETURN p
      }
      RETURN p.name AS created
      """
    Then the result should be, in any order:
      | created |
      | 'Ana'   |
      | 'Bo'    |
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: Subqueries nest
    Given the teams graph
    When executing query:
      """
      MATCH (t:Team {name: 'Team C'})
      CALL (t) {
        MATCH (p:Player)-[:PLAYS_FOR]->(t)
        CALL (p) {
          RETURN p.age * 2 AS doubled
        }
        RETURN max(doubled) AS most
      }
      RETURN most
      """
    Then the result should be, in any order:
      | most |
      | 70   |
    And no side effects

  Scenario: Rows after the subquery can be aggregated
    Given the teams graph
    When executing query:
      """
      MATCH (t:Team)
      CALL (t) {
        MATCH (p:Player)-[:PLAYS_FOR]->(t)
        RETURN p.age AS age
      }
      RETURN t.name AS team, avg(age) AS averageAge
      ORDER BY team
      """
    Then the result should be, in order:
      | team     | averageAge |
      | 'Team A' | 22.0       |
      | 'Team B' | 30.0       |
      | 'Team C' | 30.0       |
    And no side effects

  Scenario: A subquery may not return a variable of the outer scope
    Given any graph
    When executing query:
      """
      WITH 1 AS x
      CALL () {
        RETURN 2 AS x
      }
      RETURN x
      """
    Then a SyntaxError should be raised at compile time: VariableAlreadyBound

  Scenario: A scope clause names only variables that exist
    Given any graph
    When executing query:
      """
      CALL (missing) {
        RETURN 1 AS one
      }
      RETURN one
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: A subquery does not see what it does not import
    Given any graph
    When executing query:
      """
      WITH 1 AS x
      CALL () {
        RETURN x AS y
      }
      RETURN y
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: CALL IN TRANSACTIONS creates in batches of rows
    Given an empty graph
    When executing query:
      """
      UNWIND range(1, 5) AS i
      CALL (i) {
        CREATE (:Item {n: i})
      } IN TRANSACTIONS OF 2 ROWS
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 5 |
      | +labels     | 1 |
      | +properties | 5 |

  Scenario: CALL IN TRANSACTIONS deletes in batches
    Given the teams graph
    When executing query:
      """
      MATCH (p:Player)
      CALL (p) {
        DETACH DELETE p
      } IN TRANSACTIONS OF 2 ROWS
      """
    Then the result should be empty
    And the side effects should be:
      | -nodes         | 6  |
      | -relationships | 5  |
      | -labels        | 1  |
      | -properties    | 12 |

  Scenario: CALL IN TRANSACTIONS without a batch size returns what the subquery returns
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2, 3] AS i
      CALL (i) {
        CREATE (n:Item {n: i})
        RETURN n.n * 10 AS ten
      } IN TRANSACTIONS
      RETURN ten
      """
    Then the result should be, in any order:
      | ten |
      | 10  |
      | 20  |
      | 30  |
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |
