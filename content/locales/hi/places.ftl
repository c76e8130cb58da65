## जगहें: जो नाम एक से ज़्यादा ज़िलों का है (बर्धमान, दिनाजपुर, सीमा का शहर), वहाँ कौन-सा ज़िला

# $place: लिखा गया नाम; $first, $second: दोनों ज़िले, बटनों के क्रम में।
places-which-district = { $place } दो ज़िले हैं: { $first } या { $second }?
places-which-town = { $place } किस ज़िले में है: { $first } या { $second }?
places-which-many = { $place } नाम की जगहें कई ज़िलों में हैं। कौन-सा ज़िला?
