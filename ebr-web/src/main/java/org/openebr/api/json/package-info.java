/**
 * Strict reading of API request bodies: UTF-8 only, exactly one JSON document, no duplicate keys,
 * and every value of the JSON type the target Java type declares, before JSON-B binds it.
 */
package org.openebr.api.json;
