# Examples after Neo4j's Cypher manual, "COUNT subqueries" and "EXISTS subqueries", on its graph of people and their pets.
Feature: Subqueries

  Scenario: COUNT in WHERE
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      WHERE COUNT { (person)-[:HAS_DOG]->(:Dog) } > 1
      RETURN person.name AS name
      """
    Then the result should be, in any order:
      | name    |
      | 'Peter' |
    And no side effects

  Scenario: COUNT in RETURN
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN person.name AS name, COUNT { (person)-[:HAS_DOG]->(:Dog) } AS howManyDogs
      """
    Then the result should be, in any order:
      | name      | howManyDogs |
      | 'Andy'    | 1           |
      | 'Timothy' | 0           |
      | 'Peter'   | 2           |
    And no side effects

  Scenario: COUNT with a WHERE inside
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      WHERE COUNT {
        (person)-[:HAS_DOG]->(dog:Dog)
        WHERE person.name = dog.name
      } = 1
      RETURN person.name AS name
      """
    Then the result should be, in any order:
      | name   |
      | 'Andy' |
    And no side effects

  Scenario: COUNT with a UNION
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN
        person.name AS name,
        COUNT {
          MATCH (person)-[:HAS_DOG]->(dog:Dog)
          RETURN dog.name AS petName
          UNION
          MATCH (person)-[:HAS_CAT]->(cat:Cat)
          RETURN cat.name AS petName
        } AS numPets
      """
    Then the result should be, in any order:
      | name      | numPets |
      | 'Andy'    | 1       |
      | 'Timothy' | 1       |
      | 'Peter'   | 2       |
    And no side effects

  Scenario: COUNT in SET
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person) WHERE person.name = 'Andy'
      SET person.howManyDogs = COUNT { (person)-[:HAS_DOG]->(:Dog) }
      RETURN person.howManyDogs AS howManyDogs
      """
    Then the result should be, in any order:
      | howManyDogs |
      | 1           |
    And the side effects should be:
      | +properties | 1 |

  Scenario: COUNT in CASE
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN
        CASE
          WHEN COUNT { (person)-[:HAS_DOG]->(:Dog) } > 1 THEN 'Doglover ' + person.name
          ELSE person.name
        END AS result
      """
    Then the result should be, in any order:
      | result            |
      | 'Andy'            |
      | 'Timothy'         |
      | 'Doglover Peter'  |
    And no side effects

  Scenario: EXISTS over a pattern
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      WHERE EXISTS { (person)-[:HAS_DOG]->(:Dog) }
      RETURN person.name AS name
      """
    Then the result should be, in any order:
      | name    |
      | 'Andy'  |
      | 'Peter' |
    And no side effects

  Scenario: EXISTS with a WHERE inside
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      WHERE EXISTS {
        MATCH (person)-[:HAS_DOG]->(dog:Dog)
        WHERE person.name = dog.name
      }
      RETURN person.name AS name
      """
    Then the result should be, in any order:
      | name   |
      | 'Andy' |
    And no side effects

  Scenario: EXISTS nested in EXISTS
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      WHERE EXISTS {
        MATCH (person)-[:HAS_DOG]->(dog:Dog)
        WHERE EXISTS {
          MATCH (dog)-[:HAS_TOY]->(toy:Toy)
          WHERE toy.name = 'Banana'
        }
      }
      RETURN person.name AS name
      """
    Then the result should be, in any order:
      | name    |
      | 'Peter' |
    And no side effects

  Scenario: EXISTS as a result column
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN person.name AS name, EXISTS { MATCH (person)-[:HAS_DOG]->(:Dog) } AS hasDog
      """
    Then the result should be, in any order:
      | name      | hasDog |
      | 'Andy'    | true   |
      | 'Timothy' | false  |
      | 'Peter'   | true   |
    And no side effects

  Scenario: NOT EXISTS for people without a dog
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      WHERE NOT EXISTS { (person)-[:HAS_DOG]->(:Dog) }
      RETURN person.name AS name
      """
    Then the result should be, in any order:
      | name      |
      | 'Timothy' |
    And no side effects

  Scenario: EXISTS with a WITH inside still sees the outer variables
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      WHERE EXISTS {
        WITH 'Ozzy' AS dogName
        MATCH (person)-[:HAS_DOG]->(d:Dog)
        WHERE d.name = dogName
      }
      RETURN person.name AS name
      """
    Then the result should be, in any order:
      | name    |
      | 'Peter' |
    And no side effects

  Scenario: COUNT with a WITH inside still sees the outer variables
    Given the pets graph
    When executing query:
      """
      MATCH (person:Person)
      RETURN person.name AS name, COUNT {
        WITH 2015 AS after
        MATCH (person)-[r:HAS_DOG]->(:Dog)
        WHERE r.since > after
        RETURN r
      } AS recentDogs
      """
    Then the result should be, in any order:
      | name      | recentDogs |
      | 'Andy'    | 1          |
      | 'Timothy' | 0          |
      | 'Peter'   | 1          |
    And no side effects
