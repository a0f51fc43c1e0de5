// Cue words shared by the number detectors.

/** Words that say the digits that follow are something else (an order, a reference, a date...). */
export const OTHER_NUMBER_CUE = /(?:(?<![\p{L}\p{N}])(?:order|bestellung|bestellnummer|commande|bestelling|invoice|rechnung|facture|factuur|ref(?:erence)?|référence|account|acct|konto|compte|rekening|tracking|sendung|colis|booking|buchung|réservation|ticket|case|policy|police|serial|model|sku|item|article|artikel|product|kundennummer|iban|card|karte|carte|postcode|post code|zip|plz|code|voucher|coupon|pin|isbn|ean|gtin|upc|barcode|imei|receipt|transaction|parcel|shipment|claim|membership|loyalty|customer|client)(?:\s*(?:no\.?|nr\.?|num\.?|number|nummer|numéro|id|#))?|#)\W{0,4}$/iu;
