CREATE (:A {name: 'Alice'}),
       (:B {name: 'Bob'}),
       (:C {name: 'Charlie'}),
       (:A:B {name: 'Daniel'}),
       (:A:C {name: 'Eskil'}),
       (:B:C {name: 'Frank'}),
       (:A:B:C {name: 'George'}),
       ({name: 'Henry'})
