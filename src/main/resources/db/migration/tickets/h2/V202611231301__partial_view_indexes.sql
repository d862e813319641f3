-- H2 has no partial indexes; the composite indexes of V202611231300 serve its views. Kept so versions line up.
SELECT 1;
