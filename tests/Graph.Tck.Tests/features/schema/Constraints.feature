Feature: Uniqueness constraints

  Scenario: [1] A uniqueness constraint is listed with its index
    Given an empty graph
    And having executed:
      """
      CREATE CONSTRAINT book_isbn FOR (b:Book) REQUIRE b.isbn IS UNIQUE
      """
    When executing query:
      """
      SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties, ownedIndex
      """
    Then the result should be, in any order:
      | name        | type         | entityType | labelsOrTypes | properties | ownedIndex  |
      | 'book_isbn' | 'UNIQUENESS' | 'NODE'     | ['Book']      | ['isbn']   | 'book_isbn' |
    And no side effects

  Scenario: [2] The constraint's index is owned by it
    Given an empty graph
    And having executed:
      """
      CREATE CONSTRAINT book_isbn FOR (b:Book) REQUIRE b.isbn IS UNIQUE
      """
    When executing query:
      """
      SHOW INDEXES YIELD name, owningConstraint WHERE owningConstraint IS NOT NULL
      """
    Then the result should be, in any order:
      | name        | owningConstraint |
      | 'book_isbn' | 'book_isbn'      |
    And no side effects

  Scenario: [3] Creating a duplicate fails and changes nothing
    Given an empty graph
    And having executed:
      """
      CREATE CONSTRAINT book_isbn FOR (b:Book) REQUIRE b.isbn IS UNIQUE
      """
    And having executed:
      """
      CREATE (:Book {isbn: '1449356265'})
      """
    When executing query:
      """
      CREATE (:Book {isbn: '1449356265', title: 'Graph Databases'})
      """
    Then a ConstraintVerificationFailed should be raised at runtime: ConstraintValidationFailed

  Scenario: [4] Setting a property to a taken value fails
    Given an empty graph
    And having executed:
      """
      CREATE CONSTRAINT book_isbn FOR (b:Book) REQUIRE b.isbn IS UNIQUE
      """
    And having executed:
      """
      CREATE (:Book {isbn: '1'}), (:Book {isbn: '2'})
      """
    When executing query:
      """
      MATCH (b:Book {isbn: '2'}) SET b.isbn = '1'
      """
    Then a ConstraintVerificationFailed should be raised at runtime: ConstraintValidationFailed

  Scenario: [5] Adding the label to a node with a taken value fails
    Given an empty graph
    And having executed:
      """
      CREATE CONSTRAINT book_isbn FOR (b:Book) REQUIRE b.isbn IS UNIQUE
      """
    And having executed:
      """
      CREATE (:Book {isbn: '1'}), (:Draft {isbn: '1'})
      """
    When executing query:
      """
      MATCH (d:Draft) SET d:Book
      """
    Then a ConstraintVerificationFailed should be raised at runtime: ConstraintValidationFailed

  Scenario: [6] Distinct values and nodes without the property are allowed
    Given an empty graph
    And having executed:
      """
      CREATE CONSTRAINT book_isbn FOR (b:Book) REQUIRE b.isbn IS UNIQUE
      """
    When executing query:
      """
      CREATE (:Book {isbn: '1'}), (:Book {isbn: '2'}), (:Book), (:Book)
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 4 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: [7] A constraint over duplicated data cannot be created
    Given an empty graph
    And having executed:
      """
      CREATE (:Book {isbn: '1'}), (:Book {isbn: '1'})
      """
    When executing query:
      """
      CREATE CONSTRAINT book_isbn FOR (b:Book) REQUIRE b.isbn IS UNIQUE
      """
    Then a SchemaError should be raised at runtime: ConstraintCreationFailed

  Scenario: [8] MERGE on a constrained property finds the existing node
    Given an empty graph
    And having executed:
      """
      CREATE CONSTRAINT book_isbn IF NOT EXISTS FOR (b:Book) REQUIRE b.isbn IS UNIQUE
      """
    And having executed:
      """
      CREATE (:Book {isbn: '1'})
      """
    When executing query:
      """
      MERGE (b:Book {isbn: '1'}) ON MATCH SET b.seen = true RETURN b.seen AS seen
      """
    Then the result should be, in any order:
      | seen |
      | true |
    And the side effects should be:
      | +properties | 1 |

  Scenario: [9] A dropped constraint no longer refuses duplicates
    Given an empty graph
    And having executed:
      """
      CREATE CONSTRAINT book_isbn FOR (b:Book) REQUIRE b.isbn IS UNIQUE
      """
    And having executed:
      """
      DROP CONSTRAINT book_isbn
      """
    When executing query:
      """
      CREATE (:Book {isbn: '1'}), (:Book {isbn: '1'})
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 2 |
