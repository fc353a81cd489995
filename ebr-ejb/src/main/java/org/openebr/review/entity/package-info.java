/** What QA records in a review: the dispositions of the exceptions. */
package org.openebr.review.entity;
