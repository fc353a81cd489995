/**
 * The material services (material master, goods receipt and QA disposition, containers and custody,
 * dispensing, the material gate) and the vocabulary they take and return.
 */
package org.openebr.material.boundary;
