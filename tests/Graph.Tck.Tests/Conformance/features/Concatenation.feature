# Examples after Neo4j's Cypher manual, "String concatenation operators" and "List concatenation" (||).
Feature: Concatenation

  Scenario Outline: Concatenation <expression>
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
      | 'Alpha' \|\| 'Beta' | 'AlphaBeta' |
      | 'Alpha' \|\| ' ' \|\| 'Beta' | 'Alpha Beta' |
      | 'Alpha' \|\| null | null |
      | null \|\| 'Beta' | null |
      | [1, 2] \|\| [3, 4] | [1, 2, 3, 4] |
      | [1, 2] \|\| [] | [1, 2] |
      | [] \|\| [] | [] |
      | [1] \|\| null | null |
      | [1, 2] \|\| [3] \|\| [4, 5] | [1, 2, 3, 4, 5] |
      | ['a'] \|\| [1] | ['a', 1] |
      | 'a' \|\| toString(1) | 'a1' |
      | size('ab' \|\| 'cd') | 4 |
      | 'Alpha' + 'Beta' = 'Alpha' \|\| 'Beta' | true |
      | [1] + [2] = [1] \|\| [2] | true |

  Scenario: || joins the properties of a node
    Given an empty graph
    And having executed:
      """
      CREATE (:Person {firstName: 'Keanu', lastName: 'Reeves'})
      """
    When executing query:
      """
      MATCH (p:Person)
      RETURN p.firstName || ' ' || p.lastName AS fullName
      """
    Then the result should be, in any order:
      | fullName       |
      | 'Keanu Reeves' |
    And no side effects

  Scenario: || on a string and a number is a type error
    Given any graph
    When executing query:
      """
      WITH 1 AS n
      RETURN 'a' || n AS result
      """
    Then a TypeError should be raised at runtime: InvalidArgumentType
