# Examples after Neo4j's Cypher manual, "String functions" (btrim, ltrim, rtrim, char_length, normalize, randomUUID…)
# and "String operators" (IS NORMALIZED).
Feature: StringFunctions

  Scenario Outline: String function <expression>
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
      | btrim('   hello    ') | 'hello' |
      | btrim('xxyyhelloxyxy', 'xy') | 'hello' |
      | btrim(null) | null |
      | btrim('hello', null) | null |
      | btrim(null, ' ') | null |
      | ltrim('   hello') | 'hello' |
      | ltrim('xxyyhelloxyxy', 'xy') | 'helloxyxy' |
      | ltrim(null) | null |
      | rtrim('hello   ') | 'hello' |
      | rtrim('xxyyhelloxyxy', 'xy') | 'xxyyhello' |
      | rtrim('hello', null) | null |
      | trim('   hello   ') | 'hello' |
      | char_length('Alice') | 5 |
      | character_length('Alice') | 5 |
      | char_length('') | 0 |
      | char_length(null) | null |
      | size('Alice') | 5 |
      | normalize('\u212B') = '\u00C5' | true |
      | normalize('\u00C5', NFD) = 'A\u030A' | true |
      | normalize('\uFE64', NFKC) | '<' |
      | normalize(null) | null |
      | '\u212B' IS NORMALIZED | false |
      | '\u00C5' IS NFC NORMALIZED | true |
      | '\u00C5' IS NOT NFD NORMALIZED | true |
      | 'abc' IS NFKC NORMALIZED | true |
      | lower('HELLO') | 'hello' |
      | upper('hello') | 'HELLO' |
      | left('hello', 3) | 'hel' |
      | right('hello', 3) | 'llo' |
      | replace('hello', 'l', 'w') | 'hewwo' |
      | reverse('hello') | 'olleh' |
      | split('one,two', ',') | ['one', 'two'] |
      | substring('hello', 1, 3) | 'ell' |
      | toString(11.5) | '11.5' |
      | size(randomUUID()) | 36 |
      | randomUUID() =~ '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}' | true |
      | randomUUID() <> randomUUID() | true |
