# Examples after Neo4j's Cypher manual, "Spatial functions" (point, point.distance).
Feature: Points

  Scenario: point.distance between two cartesian points
    Given any graph
    When executing query:
      """
      WITH point({x: 2.3, y: 4.5, crs: 'cartesian'}) AS p1, point({x: 1.1, y: 5.4, crs: 'cartesian'}) AS p2
      RETURN point.distance(p1, p2) AS dist
      """
    Then the result should be, in any order:
      | dist |
      | 1.5  |
    And no side effects

  Scenario: point.distance between two 3D cartesian points
    Given any graph
    When executing query:
      """
      RETURN point.distance(point({x: 0, y: 0, z: 0}), point({x: 1, y: 2, z: 2})) AS dist
      """
    Then the result should be, in any order:
      | dist |
      | 3.0  |
    And no side effects

  Scenario: point.distance with null is null
    Given any graph
    When executing query:
      """
      RETURN point.distance(null, point({x: 1, y: 2})) AS dist
      """
    Then the result should be, in any order:
      | dist |
      | null |
    And no side effects

  Scenario: point.distance between WGS-84 points is in metres
    Given any graph
    When executing query:
      """
      WITH point({longitude: 6.1432, latitude: 46.2044}) AS geneva, point({longitude: 6.1432, latitude: 47.2044}) AS north
      RETURN round(point.distance(geneva, north) / 1000) AS km
      """
    Then the result should be, in any order:
      | km    |
      | 111.0 |
    And no side effects
