## Places: which district, when a name belongs to more than one (Bardhaman, Dinajpur, a border town)

# $place: the name typed; $first, $second: the two districts, in the order of the buttons.
places-which-district = { $place } is two districts: { $first } or { $second }?
places-which-town = Which district is { $place } in: { $first } or { $second }?
places-which-many = There are places called { $place } in several districts. Which district?
