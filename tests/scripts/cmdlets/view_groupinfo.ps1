# Group-Object's registered table view: Count (5, right-aligned), Name (25), Group.
'a', 'b', 'a' | Group-Object
