## Units of area. Each `-amount` message writes an already formatted number with its unit.
unit-switch-label = Show area in
unit-ha = ha
unit-ha-amount = { $amount } ha
unit-m2 = m²
unit-m2-amount = { $amount } m²
unit-mu = mu
unit-mu-amount = { $amount } mu
unit-pyeong = pyeong
unit-pyeong-amount = { $amount } pyeong
