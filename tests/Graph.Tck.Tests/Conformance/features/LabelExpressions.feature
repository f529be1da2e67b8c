# Examples after Neo4j's Cypher manual, "Label expressions" (patterns and WHERE predicates), on its graph of nodes
# labelled with every combination of A, B and C, and one node without a label.
Feature: LabelExpressions

  Scenario Outline: A node pattern's label expression :<expression>
    Given the labels graph
    When executing query:
      """
      MATCH (n:<expression>)
      RETURN collect(n.name) AS names
      """
    Then the result should be (ignoring element order for lists):
      | names   |
      | <names> |
    And no side effects

    Examples:
      | expression | names |
      | A | ['Alice', 'Daniel', 'Eskil', 'George'] |
      | B | ['Bob', 'Daniel', 'Frank', 'George'] |
      | A&B | ['Daniel', 'George'] |
      | A:B | ['Daniel', 'George'] |
      | A&B&C | ['George'] |
      | A\|B | ['Alice', 'Bob', 'Daniel', 'Eskil', 'Frank', 'George'] |
      | A\|C | ['Alice', 'Charlie', 'Daniel', 'Eskil', 'Frank', 'George'] |
      | !A | ['Bob', 'Charlie', 'Frank', 'Henry'] |
      | !B | ['Alice', 'Charlie', 'Eskil', 'Henry'] |
      | % | ['Alice', 'Bob', 'Charlie', 'Daniel', 'Eskil', 'Frank', 'George'] |
      | !% | ['Henry'] |
      | A&!B | ['Alice', 'Eskil'] |
      | !A&!B | ['Charlie', 'Henry'] |
      | !(A\|B) | ['Charlie', 'Henry'] |
      | !(A&B) | ['Alice', 'Bob', 'Charlie', 'Eskil', 'Frank', 'Henry'] |
      | (A&B)\|C | ['Charlie', 'Daniel', 'Eskil', 'Frank', 'George'] |
      | (A\|B)&!(A&B) | ['Alice', 'Bob', 'Eskil', 'Frank'] |
      | (A\|B)&C | ['Eskil', 'Frank', 'George'] |
      | %&!C | ['Alice', 'Bob', 'Daniel'] |
      | A\|B\|C | ['Alice', 'Bob', 'Charlie', 'Daniel', 'Eskil', 'Frank', 'George'] |
      | A&B&C&!A | [] |
      | Missing | [] |
      | !Missing&!% | ['Henry'] |

  Scenario Outline: A label expression predicate in WHERE n:<expression>
    Given the labels graph
    When executing query:
      """
      MATCH (n)
      WHERE n:<expression>
      RETURN collect(n.name) AS names
      """
    Then the result should be (ignoring element order for lists):
      | names   |
      | <names> |
    And no side effects

    Examples:
      | expression | names |
      | A | ['Alice', 'Daniel', 'Eskil', 'George'] |
      | B | ['Bob', 'Daniel', 'Frank', 'George'] |
      | A&B | ['Daniel', 'George'] |
      | A:B | ['Daniel', 'George'] |
      | A&B&C | ['George'] |
      | A\|B | ['Alice', 'Bob', 'Daniel', 'Eskil', 'Frank', 'George'] |
      | A\|C | ['Alice', 'Charlie', 'Daniel', 'Eskil', 'Frank', 'George'] |
      | !A | ['Bob', 'Charlie', 'Frank', 'Henry'] |
      | !B | ['Alice', 'Charlie', 'Eskil', 'Henry'] |
      | % | ['Alice', 'Bob', 'Charlie', 'Daniel', 'Eskil', 'Frank', 'George'] |
      | !% | ['Henry'] |
      | A&!B | ['Alice', 'Eskil'] |
      | !A&!B | ['Charlie', 'Henry'] |
      | !(A\|B) | ['Charlie', 'Henry'] |
      | !(A&B) | ['Alice', 'Bob', 'Charlie', 'Eskil', 'Frank', 'Henry'] |
      | (A&B)\|C | ['Charlie', 'Daniel', 'Eskil', 'Frank', 'George'] |
      | (A\|B)&!(A&B) | ['Alice', 'Bob', 'Eskil', 'Frank'] |
      | (A\|B)&C | ['Eskil', 'Frank', 'George'] |
      | %&!C | ['Alice', 'Bob', 'Daniel'] |
      | A\|B\|C | ['Alice', 'Bob', 'Charlie', 'Daniel', 'Eskil', 'Frank', 'George'] |
      | A&B&C&!A | [] |
      | Missing | [] |
      | !Missing&!% | ['Henry'] |

  Scenario Outline: A relationship type expression [:<expression>]
    Given the types graph
    When executing query:
      """
      MATCH (:Root)-[r:<expression>]->(x)
      RETURN collect(x.name) AS names
      """
    Then the result should be (ignoring element order for lists):
      | names   |
      | <names> |
    And no side effects

    Examples:
      | expression | names |
      | R1 | ['one'] |
      | R1\|R2 | ['one', 'two'] |
      | !R1 | ['two', 'three'] |
      | % | ['one', 'two', 'three'] |
      | !R1&!R2 | ['three'] |
      | !(R1\|R3) | ['two'] |
      | R1\|R2\|R3 | ['one', 'two', 'three'] |
      | Missing | [] |
      | !% | [] |
      | R2&!R1 | ['two'] |

  Scenario Outline: A relationship type predicate in WHERE r:<expression>
    Given the types graph
    When executing query:
      """
      MATCH (:Root)-[r]->(x)
      WHERE r:<expression>
      RETURN collect(x.name) AS names
      """
    Then the result should be (ignoring element order for lists):
      | names   |
      | <names> |
    And no side effects

    Examples:
      | expression | names |
      | R1 | ['one'] |
      | R1\|R2 | ['one', 'two'] |
      | !R1 | ['two', 'three'] |
      | % | ['one', 'two', 'three'] |
      | !R1&!R2 | ['three'] |
      | !(R1\|R3) | ['two'] |
      | R1\|R2\|R3 | ['one', 'two', 'three'] |
      | Missing | [] |
      | !% | [] |
      | R2&!R1 | ['two'] |
  Scenario: IS is a synonym of the colon in a node pattern
    Given the labels graph
    When executing query:
      """
      MATCH (n IS A&C)
      RETURN n.name AS name
      """
    Then the result should be, in any order:
      | name    |
      | 'Eskil'  |
      | 'George' |
    And no side effects

  Scenario: IS in a relationship pattern
    Given the types graph
    When executing query:
      """
      MATCH (:Root)-[r IS R2]->(x)
      RETURN x.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'two' |
    And no side effects

  Scenario: A label expression in RETURN is a boolean per node
    Given the labels graph
    When executing query:
      """
      MATCH (n)
      WHERE n.name IN ['Alice', 'Frank', 'Henry']
      RETURN n.name AS name, n:A|B AS aOrB, n:!C AS notC
      """
    Then the result should be, in any order:
      | name    | aOrB  | notC  |
      | 'Alice' | true  | true  |
      | 'Frank' | true  | false |
      | 'Henry' | false | true  |
    And no side effects

  Scenario: A label expression on null is null
    Given any graph
    When executing query:
      """
      OPTIONAL MATCH (n:Nowhere)
      RETURN n:A|B AS result
      """
    Then the result should be, in any order:
      | result |
      | null   |
    And no side effects

  Scenario: The old alternative of relationship types with a colon after the bar
    Given the types graph
    When executing query:
      """
      MATCH (:Root)-[r:R1|:R3]->(x)
      RETURN x.name AS name
      """
    Then the result should be, in any order:
      | name    |
      | 'one'   |
      | 'three' |
    And no side effects

  Scenario: A label expression inside a list comprehension's WHERE keeps the projection bar
    Given the labels graph
    When executing query:
      """
      MATCH (n)
      WITH collect(n) AS nodes
      RETURN size([x IN nodes WHERE x:A | x.name]) AS aNodes
      """
    Then the result should be, in any order:
      | aNodes |
      | 4      |
    And no side effects

  Scenario: Labels of several nodes tested together in WHERE
    Given the labels graph
    When executing query:
      """
      MATCH (a), (b)
      WHERE a:A&B&C AND b:!A&!B&C
      RETURN a.name AS a, b.name AS b
      """
    Then the result should be, in any order:
      | a        | b         |
      | 'George' | 'Charlie' |
    And no side effects
