# Expected results from the Cypher manual's examples for CALL subqueries in transactions (error behaviour and status
# report). The batches run inside the statement's one transaction; a failed batch is taken back on its own.
Feature: InTransactionsOnError

  Scenario: ON ERROR CONTINUE in batches of one row gives null for the failed batch and runs the rest
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 0, 2, 4] AS i
      CALL (i) {
        CREATE (n:Person {num: 100/i})
        RETURN n
      } IN TRANSACTIONS
        OF 1 ROW
        ON ERROR CONTINUE
      RETURN n.num
      """
    Then the result should be, in order:
      | n.num |
      | 100   |
      | null  |
      | 50    |
      | 25    |
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: ON ERROR CONTINUE in batches of two rows takes back the whole failed batch
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 0, 2, 4] AS i
      CALL (i) {
        CREATE (n:Person {num: 100/i})
        RETURN n
      } IN TRANSACTIONS
        OF 2 ROWS
        ON ERROR CONTINUE
      RETURN n.num
      """
    Then the result should be, in order:
      | n.num |
      | null  |
      | null  |
      | 50    |
      | 25    |
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: ON ERROR BREAK in batches of one row stops at the failed batch
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 0, 2, 4] AS i
      CALL (i) {
        CREATE (n:Person {num: 100/i})
        RETURN n
      } IN TRANSACTIONS
        OF 1 ROW
        ON ERROR BREAK
      RETURN n.num
      """
    Then the result should be, in order:
      | n.num |
      | 100   |
      | null  |
      | null  |
      | null  |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: ON ERROR BREAK in batches of two rows keeps nothing when the first batch fails
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 0, 2, 4] AS i
      CALL (i) {
        CREATE (n:Person {num: 100/i})
        RETURN n
      } IN TRANSACTIONS
        OF 2 ROWS
        ON ERROR BREAK
      RETURN n.num
      """
    Then the result should be, in order:
      | n.num |
      | null  |
      | null  |
      | null  |
      | null  |
    And no side effects

  Scenario: ON ERROR FAIL fails the query
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 0, 2, 4] AS i
      CALL (i) {
        CREATE (n:Person {num: 100/i})
        RETURN n
      } IN TRANSACTIONS
        OF 1 ROW
        ON ERROR FAIL
      RETURN n.num
      """
    Then a ArithmeticError should be raised at runtime: DivisionByZero

  Scenario: A unit subquery under ON ERROR CONTINUE passes every incoming row on
    Given an empty graph
    When executing query:
      """
      UNWIND [4, 2, 1, 0] AS i
      CALL (i) {
        CREATE (:Person {num: 100/i})
      } IN TRANSACTIONS OF 2 ROWS ON ERROR CONTINUE
      RETURN i
      """
    Then the result should be, in order:
      | i |
      | 4 |
      | 2 |
      | 1 |
      | 0 |
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: REPORT STATUS with ON ERROR CONTINUE reports each batch
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 0, 2, 4] AS i
      CALL (i) {
        CREATE (n:Person {num: 100/i})
        RETURN n
      } IN TRANSACTIONS
        OF 1 ROW
        ON ERROR CONTINUE
        REPORT STATUS AS s
      RETURN n.num, s.started, s.committed, s.errorMessage, s.transactionId IS NOT NULL AS hasId
      """
    Then the result should be, in order:
      | n.num | s.started | s.committed | s.errorMessage | hasId |
      | 100   | true      | true        | null           | true  |
      | null  | true      | false       | '/ by zero'    | true  |
      | 50    | true      | true        | null           | true  |
      | 25    | true      | true        | null           | true  |
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: REPORT STATUS with ON ERROR BREAK reports the batches after the failure as not started
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 0, 2, 4] AS i
      CALL (i) {
        CREATE (n:Person {num: 100/i})
        RETURN n
      } IN TRANSACTIONS
        OF 1 ROW
        ON ERROR BREAK
        REPORT STATUS AS s
      RETURN n.num, s.started, s.committed, s.errorMessage
      """
    Then the result should be, in order:
      | n.num | s.started | s.committed | s.errorMessage |
      | 100   | true      | true        | null           |
      | null  | true      | false       | '/ by zero'    |
      | null  | false     | false       | null           |
      | null  | false     | false       | null           |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: REPORT STATUS with ON ERROR FAIL is refused
    Given any graph
    When executing query:
      """
      UNWIND [1, 0, 2, 4] AS i
      CALL (i) {
        CREATE (n:Person {num: 100/i})
        RETURN n
      } IN TRANSACTIONS
        OF 1 ROW
        ON ERROR FAIL
        REPORT STATUS AS s
      RETURN n.num, s.errorMessage
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: ON ERROR RETRY falls back to BREAK once the batch keeps failing
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 0, 2, 4] AS i
      CALL (i) {
        CREATE (n:Person {num: 100/i})
        RETURN n
      } IN TRANSACTIONS
        OF 1 ROW
        ON ERROR RETRY FOR 1 SECOND THEN BREAK
      RETURN n.num
      """
    Then the result should be, in order:
      | n.num |
      | 100   |
      | null  |
      | null  |
      | null  |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |
