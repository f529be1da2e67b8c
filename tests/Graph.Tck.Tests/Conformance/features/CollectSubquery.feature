# Examples after Neo4j's Cypher manual, "COLLECT subqueries", on its graph of people and their pets.
Feature: CollectSubquery

  Scenario: COLLECT in WHERE: the people who own a dog named Ozzy
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      WHERE 'Ozzy' IN COLLECT { MATCH (person)-[:HAS_DOG]->(dog:Dog) RETURN dog.name }
      RETURN person.name AS name
      """
    Then the result should be, in any order:
      | name    |
      | 'Peter' |
    And no side effects

  Scenario: COLLECT with a WHERE inside
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN person.name AS name, COLLECT {
        MATCH (person)-[r:HAS_DOG]->(dog:Dog)
        WHERE r.since > 2017
        RETURN dog.name
      } AS youngDogs
      """
    Then the result should be, in any order:
      | name      | youngDogs |
      | 'Andy'    | []        |
      | 'Timothy' | []        |
      | 'Peter'   | ['Ozzy']  |
    And no side effects

  Scenario: COLLECT with a UNION
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN
        person.name AS name,
        COLLECT {
          MATCH (person)-[:HAS_DOG]->(dog:Dog)
          RETURN dog.name AS petName
          UNION
          MATCH (person)-[:HAS_CAT]->(cat:Cat)
          RETURN cat.name AS petName
        } AS petNames
      """
    Then the result should be (ignoring element order for lists):
      | name      | petNames         |
      | 'Andy'    | ['Andy']         |
      | 'Timothy' | ['Mittens']      |
      | 'Peter'   | ['Ozzy', 'Fido'] |
    And no side effects

  Scenario: COLLECT in RETURN: the toys of each person's dogs
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN person.name AS name, COLLECT {
        MATCH (person)-[:HAS_DOG]->(dog:Dog)
        MATCH (dog)-[:HAS_TOY]->(toy:Toy)
        RETURN toy.name
      } AS toys
      """
    Then the result should be, in any order:
      | name      | toys       |
      | 'Andy'    | []         |
      | 'Timothy' | []         |
      | 'Peter'   | ['Banana'] |
    And no side effects

  Scenario: COLLECT in SET
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person) WHERE person.name = 'Peter'
      SET person.dogNames = COLLECT { MATCH (person)-[:HAS_DOG]->(d:Dog) RETURN d.name }
      RETURN person.dogNames AS dogNames
      """
    Then the result should be (ignoring element order for lists):
      | dogNames         |
      | ['Ozzy', 'Fido'] |
    And the side effects should be:
      | +properties | 1 |

  Scenario: COLLECT in CASE
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN
        CASE
          WHEN COLLECT { MATCH (person)-[:HAS_DOG]->(d:Dog) RETURN d.name } = [] THEN 'No dogs: ' + person.name
          ELSE person.name
        END AS result
      """
    Then the result should be, in any order:
      | result              |
      | 'Andy'              |
      | 'No dogs: Timothy'  |
      | 'Peter'             |
    And no side effects

  Scenario: COLLECT as a grouping key
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN size(COLLECT { MATCH (person)-[:HAS_DOG]->(d:Dog) RETURN d.name }) AS dogs, avg(person.age) AS averageAge
      """
    Then the result should be, in any order:
      | dogs | averageAge |
      | 0    | 25.0       |
      | 1    | 36.0       |
      | 2    | 35.0       |
    And no side effects

  Scenario: COLLECT keeps repeated values
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person {name: 'Peter'})
      RETURN COLLECT { MATCH (person)-[:HAS_DOG]->(d:Dog) RETURN 'dog' } AS kinds
      """
    Then the result should be, in any order:
      | kinds          |
      | ['dog', 'dog'] |
    And no side effects

  Scenario: COLLECT with ORDER BY inside orders the list
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person {name: 'Peter'})
      RETURN COLLECT { MATCH (person)-[:HAS_DOG]->(d:Dog) RETURN d.name ORDER BY d.name } AS dogs
      """
    Then the result should be, in any order:
      | dogs             |
      | ['Fido', 'Ozzy'] |
    And no side effects

  Scenario: COLLECT must return a single column
    Given any graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN COLLECT { MATCH (person)-[:HAS_DOG]->(d:Dog) RETURN d.name, d.age } AS dogs
      """
    Then a SyntaxError should be raised at compile time: *

  Scenario: COLLECT must end with RETURN
    Given any graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN COLLECT { MATCH (person)-[:HAS_DOG]->(d:Dog) } AS dogs
      """
    Then a SyntaxError should be raised at compile time: *

  Scenario: COLLECT cannot write
    Given any graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN COLLECT { CREATE (d:Dog) RETURN d } AS dogs
      """
    Then a SyntaxError should be raised at compile time: *

  Scenario: COLLECT with a WITH inside still sees the outer variables
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN person.name AS name, COLLECT {
        WITH 2018 AS yearOfTheDog
        MATCH (person)-[r:HAS_DOG]->(d:Dog)
        WHERE r.since = yearOfTheDog
        RETURN d.name
      } AS dogsOfTheYear
      """
    Then the result should be, in any order:
      | name      | dogsOfTheYear |
      | 'Andy'    | []            |
      | 'Timothy' | []            |
      | 'Peter'   | ['Ozzy']      |
    And no side effects
