## The expression-of-interest form, its thank-you and tracking pages, and the investor's email.
inquire-title = Express your interest
inquire-description = Tell the center what you plan to build or produce; an investment desk answers in your language.
inquire-lead = Tell us what you need. An investment desk of the center reads every inquiry and answers you personally.
inquire-reply-time = { $days ->
    [one] We answer within one working day.
   *[other] We answer within { $days } working days.
}
inquire-cta = Express interest
form-required-note = Fields marked * are required.
form-name = Your name
form-company = Company or organisation
form-country = Country
form-email = Email
form-phone = Phone (optional)
form-investor-type = Type of investor
form-investment-range = Planned investment
form-need = What you need (optional)
form-need-area = Area (m²)
form-need-power = Power (kW)
form-need-start = Start (month)
form-message = Your message
form-message-hint = Your product, the size of the plant, the timing, and any questions.
form-reply-lang = Language of our reply
form-heard-from = How did you hear of the center?
form-choose = Choose
form-listings = Sites and projects
form-website = Leave this field empty
form-privacy-title = Your data
form-privacy-notice = The International Center for Industrial Cooperation "Central Asia" stores what you send to answer your inquiry. Its investment desks in Kazakhstan and Uzbekistan and the manager of each listing you name receive it, so your data leaves your country. It is kept for three years after our last exchange, then deleted; you may ask to see, correct or delete it at any time.
form-consent = I agree that the center stores my inquiry and shares it with its investment desks in Kazakhstan and Uzbekistan to answer it, as described in the privacy notice.
form-submit = Send my expression of interest
form-errors-title = { $count ->
    [one] Please correct one field.
   *[other] Please correct { $count } fields.
}
form-error-required = Please fill this in.
form-error-choose = Please choose one of the options.
form-error-country = Please choose a country from the list.
form-error-control = Please remove line breaks and special characters from this field.
form-error-too-long = Please keep this under { $max } characters.
form-error-email = Please enter an email address such as name@company.com.
form-error-phone = Please enter a phone number with its country code, such as +86 21 5555 0100.
form-error-number = Please enter a whole number.
form-error-range = Please enter a number between 1 and { $max }.
form-error-month = Please enter a month as YYYY-MM, such as 2027-03.
form-error-month-range = Please choose a month between now and ten years from now.
form-error-listing = One of the listings is not one we know.
form-error-listings-many = Please ask about { $max } listings at most in one inquiry.
form-error-listing-gone = { $codes } is no longer published; please remove it.
form-error-consent = Please agree, so that the center may handle your inquiry.
form-error-rate-limited = You have sent several inquiries in a short time. Please try again in { $minutes } minutes, or write to a desk listed on the contact page.
form-error-unavailable = Your inquiry could not be saved just now. Nothing was stored; please send it again in a moment.
investor-type-manufacturer = Manufacturer
investor-type-trader = Trading company
investor-type-logistics = Logistics company
investor-type-developer = Industrial developer
investor-type-fund = Investment fund
investor-type-public = Government or public body
investor-type-other = Other
investment-range-under-1m = Under USD 1 million
investment-range-1m-5m = USD 1–5 million
investment-range-5m-20m = USD 5–20 million
investment-range-20m-100m = USD 20–100 million
investment-range-over-100m = Over USD 100 million
investment-range-undecided = Not decided yet
heard-from-search = A search engine
heard-from-exhibition = A fair or exhibition
heard-from-embassy = An embassy or trade office
heard-from-colleague = A colleague or partner
heard-from-media = News or media
heard-from-social = Social media
heard-from-other = Other
add-to-inquiry = Add to my inquiry
remove-from-inquiry = Remove from my inquiry
inquiry-basket = { $count ->
    [one] One listing in your inquiry
   *[other] { $count } listings in your inquiry
}
inquiry-basket-send = Write the inquiry
thanks-title = Thank you: your inquiry has reached the center
thanks-reference = Your reference is { $reference }.
thanks-next = { $days ->
    [one] An investment desk will answer you within one working day, in the language you chose.
   *[other] An investment desk will answer you within { $days } working days, in the language you chose.
}
thanks-email = We have sent a confirmation to { $email }.
thanks-private = This page is private: keep its address to follow your inquiry, and do not share it.
thanks-spam-title = Thank you for your message.
tracking-title = Your inquiry { $reference }
tracking-sent-on = Sent on { $date }
tracking-status = Status
tracking-history = History
inquiry-status-new = Received
inquiry-status-assigned = With a desk officer
inquiry-status-answered = Answered
inquiry-status-closed = Closed
inquiry-event-received = Received by the center
inquiry-event-routed = Passed to an investment desk
inquiry-event-assigned = Taken up by a desk officer
inquiry-event-answered = Answered
inquiry-event-closed = Closed
mail-investor-subject = Your inquiry { $reference } to the Central Asia center
mail-investor-greeting = Dear { $name },
mail-investor-intro = thank you for your interest in the International Center for Industrial Cooperation "Central Asia". Your inquiry is registered under the reference { $reference }.
mail-investor-next = { $days ->
    [one] An investment desk will answer you within one working day.
   *[other] An investment desk will answer you within { $days } working days.
}
mail-investor-track = Follow your inquiry on your private page (keep this link to yourself):
mail-investor-summary = What you sent us
mail-investor-signoff = The investment team of the International Center for Industrial Cooperation "Central Asia"
