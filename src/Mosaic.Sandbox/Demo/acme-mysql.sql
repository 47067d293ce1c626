-- Acme Brew demo database: customers, products, orders (with items and payments) and support tickets.
-- The same story as the rest of the Sandbox: order #1042 (Maya Patel) was charged twice after the
-- discount code BREW10 was applied; the duplicate was refunded and a support ticket tracks it (ACME-142).
-- Portable SQL (MariaDB/MySQL and SQLite). Dates are written relative to 2025-06-02 12:00:00; the last
-- section (MariaDB/MySQL only) moves them so the newest order is from a few hours ago. The Sandbox builds
-- its SQLite copy (Demo/acme.db) from everything above that section and moves the dates the SQLite way.

DROP TABLE IF EXISTS support_tickets;
DROP TABLE IF EXISTS payments;
DROP TABLE IF EXISTS order_items;
DROP TABLE IF EXISTS orders;
DROP TABLE IF EXISTS products;
DROP TABLE IF EXISTS customers;

CREATE TABLE customers (
  id INTEGER NOT NULL PRIMARY KEY,
  first_name VARCHAR(60) NOT NULL,
  last_name VARCHAR(60) NOT NULL,
  email VARCHAR(120) NOT NULL UNIQUE,
  city VARCHAR(80),
  country CHAR(2) NOT NULL DEFAULT 'US',
  created_at DATETIME NOT NULL
);

CREATE TABLE products (
  id INTEGER NOT NULL PRIMARY KEY,
  sku VARCHAR(40) NOT NULL UNIQUE,
  name VARCHAR(120) NOT NULL,
  category VARCHAR(40) NOT NULL,
  price DECIMAL(10,2) NOT NULL,
  stock INTEGER NOT NULL,
  status VARCHAR(20) NOT NULL,
  launched_on DATE NOT NULL
);

CREATE TABLE orders (
  id INTEGER NOT NULL PRIMARY KEY,
  order_number INTEGER NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL,
  financial_status VARCHAR(30) NOT NULL,
  fulfillment_status VARCHAR(30) NOT NULL,
  discount_code VARCHAR(30),
  subtotal DECIMAL(10,2) NOT NULL,
  discount DECIMAL(10,2) NOT NULL,
  total DECIMAL(10,2) NOT NULL,
  currency CHAR(3) NOT NULL,
  ship_city VARCHAR(80),
  created_at DATETIME NOT NULL,
  FOREIGN KEY (customer_id) REFERENCES customers(id)
);

CREATE TABLE order_items (
  id INTEGER NOT NULL PRIMARY KEY,
  order_id INTEGER NOT NULL,
  product_id INTEGER NOT NULL,
  quantity INTEGER NOT NULL,
  unit_price DECIMAL(10,2) NOT NULL,
  FOREIGN KEY (order_id) REFERENCES orders(id),
  FOREIGN KEY (product_id) REFERENCES products(id)
);

CREATE TABLE payments (
  id INTEGER NOT NULL PRIMARY KEY,
  order_id INTEGER NOT NULL,
  kind VARCHAR(20) NOT NULL,
  amount DECIMAL(10,2) NOT NULL,
  processor_ref VARCHAR(40) NOT NULL,
  created_at DATETIME NOT NULL,
  FOREIGN KEY (order_id) REFERENCES orders(id)
);

CREATE TABLE support_tickets (
  id INTEGER NOT NULL PRIMARY KEY,
  ticket_key VARCHAR(20) NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL,
  order_id INTEGER,
  subject VARCHAR(200) NOT NULL,
  status VARCHAR(20) NOT NULL,
  priority VARCHAR(10) NOT NULL,
  channel VARCHAR(10) NOT NULL,
  assignee VARCHAR(120),
  body TEXT NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  FOREIGN KEY (customer_id) REFERENCES customers(id),
  FOREIGN KEY (order_id) REFERENCES orders(id)
);

INSERT INTO customers (id, first_name, last_name, email, city, country, created_at) VALUES
  (1, 'Liam', 'Nguyen', 'liam.nguyen@example.com', 'Portland', 'US', '2024-05-15 07:00:00'),
  (2, 'Sofia', 'Rossi', 'sofia.rossi@example.com', 'Seattle', 'US', '2024-06-01 02:00:00'),
  (3, 'Noah', 'Fischer', 'noah.fischer@example.com', 'Denver', 'US', '2024-06-17 21:00:00'),
  (4, 'Amara', 'Okoye', 'amara.okoye@example.com', 'Austin', 'US', '2024-07-04 16:00:00'),
  (5, 'Lucas', 'Silva', 'lucas.silva@example.com', 'San Francisco', 'US', '2024-07-21 11:00:00'),
  (6, 'Hana', 'Tanaka', 'hana.tanaka@example.com', 'Seattle', 'US', '2024-08-07 06:00:00'),
  (7, 'Oliver', 'Brown', 'oliver.brown@example.com', 'Chicago', 'US', '2024-08-24 01:00:00'),
  (8, 'Chloe', 'Dubois', 'chloe.dubois@example.com', 'Boston', 'US', '2024-09-09 20:00:00'),
  (9, 'Mateo', 'Garcia', 'mateo.garcia@example.com', 'Austin', 'US', '2024-09-26 15:00:00'),
  (10, 'Ava', 'Kowalski', 'ava.kowalski@example.com', 'Chicago', 'US', '2024-10-13 10:00:00'),
  (11, 'Ethan', 'Murphy', 'ethan.murphy@example.com', 'Boston', 'US', '2024-10-30 05:00:00'),
  (12, 'Zoe', 'Andersson', 'zoe.andersson@example.com', 'Portland', 'US', '2024-11-16 00:00:00'),
  (13, 'Maya', 'Patel', 'maya.patel@example.com', 'San Francisco', 'US', '2024-12-02 19:00:00');

INSERT INTO products (id, sku, name, category, price, stock, status, launched_on) VALUES
  (1, 'ABP-BLK', 'Acme Brew Pro Grinder - Matte Black', 'Grinder', 249.00, 42, 'active', '2025-05-24'),
  (2, 'ABP-STL', 'Acme Brew Pro Grinder - Brushed Steel', 'Grinder', 269.00, 7, 'active', '2025-05-24'),
  (3, 'ABC-GRY', 'Acme Brew Classic Grinder', 'Grinder', 149.00, 120, 'active', '2024-04-28'),
  (4, 'KTL-GN-BLK', 'Gooseneck Electric Kettle - Black', 'Kettle', 89.00, 55, 'active', '2024-08-06'),
  (5, 'KTL-GN-WHT', 'Gooseneck Electric Kettle - White', 'Kettle', 89.00, 3, 'active', '2024-08-06'),
  (6, 'KTL-SP-01', 'Stovetop Pour-Over Kettle', 'Kettle', 45.00, 80, 'active', '2024-01-19'),
  (7, 'DRP-CER-WHT', 'Ceramic Pour-Over Dripper', 'Brewer', 28.00, 150, 'active', '2024-03-09'),
  (8, 'BEAN-ETH-250', 'Ethiopia Yirgacheffe Whole Bean 250g', 'Coffee', 18.00, 200, 'active', '2024-11-14'),
  (9, 'BEAN-ETH-1K', 'Ethiopia Yirgacheffe Whole Bean 1kg', 'Coffee', 58.00, 40, 'active', '2024-11-14'),
  (10, 'BEAN-HSE-250', 'House Espresso Blend 250g', 'Coffee', 15.00, 320, 'active', '2023-10-11'),
  (11, 'BEAN-HSE-1K', 'House Espresso Blend 1kg', 'Coffee', 48.00, 90, 'active', '2023-10-11'),
  (12, 'BEAN-COL-DCF-250', 'Colombia Decaf Whole Bean 250g', 'Coffee', 17.00, 8, 'active', '2025-01-03'),
  (13, 'FLT-100', 'Paper Filters (100 pack)', 'Accessory', 8.00, 500, 'active', '2023-07-03'),
  (14, 'SCL-01', 'Precision Coffee Scale', 'Accessory', 59.00, 0, 'active', '2024-09-25'),
  (15, 'CBK-01', 'Cold Brew Kit', 'Brewer', 39.00, 0, 'draft', '2025-05-28'),
  (16, 'DSC-01', 'Descaling Solution', 'Accessory', 12.00, 0, 'archived', '2022-12-15');

INSERT INTO orders (id, order_number, customer_id, financial_status, fulfillment_status, discount_code, subtotal, discount, total, currency, ship_city, created_at) VALUES
  (1, 1001, 4, 'paid', 'fulfilled', NULL, 45.00, 0.00, 45.00, 'USD', 'Austin', '2025-05-04 17:00:00'),
  (2, 1002, 1, 'paid', 'fulfilled', NULL, 90.00, 0.00, 90.00, 'USD', 'Portland', '2025-05-05 09:00:00'),
  (3, 1003, 2, 'paid', 'fulfilled', NULL, 118.00, 0.00, 118.00, 'USD', 'Seattle', '2025-05-06 01:00:00'),
  (4, 1004, 4, 'paid', 'fulfilled', NULL, 361.00, 0.00, 361.00, 'USD', 'Austin', '2025-05-06 17:00:00'),
  (5, 1005, 12, 'paid', 'fulfilled', NULL, 148.00, 0.00, 148.00, 'USD', 'Portland', '2025-05-07 09:00:00'),
  (6, 1006, 3, 'paid', 'fulfilled', NULL, 387.00, 0.00, 387.00, 'USD', 'Denver', '2025-05-08 01:00:00'),
  (7, 1007, 9, 'paid', 'fulfilled', NULL, 178.00, 0.00, 178.00, 'USD', 'Austin', '2025-05-08 17:00:00'),
  (8, 1008, 12, 'paid', 'fulfilled', 'WELCOME5', 208.00, 5.00, 203.00, 'USD', 'Portland', '2025-05-09 09:00:00'),
  (9, 1009, 10, 'paid', 'fulfilled', NULL, 36.00, 0.00, 36.00, 'USD', 'Chicago', '2025-05-10 01:00:00'),
  (10, 1010, 7, 'paid', 'fulfilled', NULL, 298.00, 0.00, 298.00, 'USD', 'Chicago', '2025-05-10 17:00:00'),
  (11, 1011, 4, 'paid', 'fulfilled', NULL, 8.00, 0.00, 8.00, 'USD', 'Austin', '2025-05-11 09:00:00'),
  (12, 1012, 10, 'paid', 'fulfilled', NULL, 93.00, 0.00, 93.00, 'USD', 'Chicago', '2025-05-12 01:00:00'),
  (13, 1013, 7, 'paid', 'fulfilled', NULL, 272.00, 0.00, 272.00, 'USD', 'Chicago', '2025-05-12 17:00:00'),
  (14, 1014, 11, 'paid', 'fulfilled', NULL, 36.00, 0.00, 36.00, 'USD', 'Boston', '2025-05-13 09:00:00'),
  (15, 1015, 5, 'paid', 'fulfilled', NULL, 219.00, 0.00, 219.00, 'USD', 'San Francisco', '2025-05-14 01:00:00'),
  (16, 1016, 4, 'paid', 'fulfilled', NULL, 249.00, 0.00, 249.00, 'USD', 'Austin', '2025-05-14 17:00:00'),
  (17, 1017, 5, 'refunded', 'unfulfilled', 'WELCOME5', 267.00, 5.00, 262.00, 'USD', 'San Francisco', '2025-05-15 09:00:00'),
  (18, 1018, 9, 'paid', 'fulfilled', NULL, 56.00, 0.00, 56.00, 'USD', 'Austin', '2025-05-16 01:00:00'),
  (19, 1019, 10, 'paid', 'fulfilled', NULL, 90.00, 0.00, 90.00, 'USD', 'Chicago', '2025-05-16 17:00:00'),
  (20, 1020, 11, 'paid', 'fulfilled', NULL, 251.00, 0.00, 251.00, 'USD', 'Boston', '2025-05-17 09:00:00'),
  (21, 1021, 6, 'paid', 'fulfilled', NULL, 56.00, 0.00, 56.00, 'USD', 'Seattle', '2025-05-18 01:00:00'),
  (22, 1022, 3, 'paid', 'fulfilled', NULL, 627.00, 0.00, 627.00, 'USD', 'Denver', '2025-05-18 17:00:00'),
  (23, 1023, 8, 'paid', 'fulfilled', NULL, 249.00, 0.00, 249.00, 'USD', 'Boston', '2025-05-19 09:00:00'),
  (24, 1024, 2, 'paid', 'fulfilled', NULL, 58.00, 0.00, 58.00, 'USD', 'Seattle', '2025-05-20 01:00:00'),
  (25, 1025, 8, 'paid', 'fulfilled', NULL, 163.00, 0.00, 163.00, 'USD', 'Boston', '2025-05-20 17:00:00'),
  (26, 1026, 1, 'paid', 'fulfilled', 'WELCOME5', 15.00, 5.00, 10.00, 'USD', 'Portland', '2025-05-21 09:00:00'),
  (27, 1027, 9, 'paid', 'fulfilled', NULL, 28.00, 0.00, 28.00, 'USD', 'Austin', '2025-05-22 01:00:00'),
  (28, 1028, 11, 'paid', 'fulfilled', NULL, 178.00, 0.00, 178.00, 'USD', 'Boston', '2025-05-22 17:00:00'),
  (29, 1029, 10, 'paid', 'fulfilled', NULL, 355.00, 0.00, 355.00, 'USD', 'Chicago', '2025-05-23 09:00:00'),
  (30, 1030, 6, 'paid', 'fulfilled', NULL, 90.00, 0.00, 90.00, 'USD', 'Seattle', '2025-05-24 01:00:00'),
  (31, 1031, 8, 'paid', 'fulfilled', NULL, 132.00, 0.00, 132.00, 'USD', 'Boston', '2025-05-24 17:00:00'),
  (32, 1032, 4, 'paid', 'fulfilled', NULL, 787.00, 0.00, 787.00, 'USD', 'Austin', '2025-05-25 09:00:00'),
  (33, 1033, 9, 'paid', 'fulfilled', NULL, 34.00, 0.00, 34.00, 'USD', 'Austin', '2025-05-26 01:00:00'),
  (34, 1034, 11, 'paid', 'fulfilled', NULL, 538.00, 0.00, 538.00, 'USD', 'Boston', '2025-05-26 17:00:00'),
  (35, 1035, 12, 'paid', 'fulfilled', 'WELCOME5', 106.00, 5.00, 101.00, 'USD', 'Portland', '2025-05-27 09:00:00'),
  (36, 1036, 10, 'paid', 'partially_fulfilled', NULL, 604.00, 0.00, 604.00, 'USD', 'Chicago', '2025-05-28 01:00:00'),
  (37, 1037, 5, 'paid', 'fulfilled', NULL, 56.00, 0.00, 56.00, 'USD', 'San Francisco', '2025-05-28 17:00:00'),
  (38, 1038, 2, 'partially_refunded', 'fulfilled', 'BREW10', 249.00, 24.90, 224.10, 'USD', 'Seattle', '2025-05-29 09:00:00'),
  (39, 1039, 4, 'paid', 'unfulfilled', NULL, 30.00, 0.00, 30.00, 'USD', 'Austin', '2025-05-30 01:00:00'),
  (40, 1040, 9, 'paid', 'unfulfilled', 'BREW10', 257.00, 25.70, 231.30, 'USD', 'Austin', '2025-05-30 17:00:00'),
  (41, 1041, 6, 'paid', 'unfulfilled', NULL, 36.00, 0.00, 36.00, 'USD', 'Seattle', '2025-05-31 09:00:00'),
  (42, 1042, 13, 'partially_refunded', 'unfulfilled', 'BREW10', 249.00, 24.90, 224.10, 'USD', 'San Francisco', '2025-06-01 01:00:00'),
  (43, 1043, 6, 'pending', 'unfulfilled', NULL, 8.00, 0.00, 8.00, 'USD', 'Seattle', '2025-06-01 17:00:00'),
  (44, 1044, 11, 'authorized', 'unfulfilled', 'WELCOME5', 45.00, 5.00, 40.00, 'USD', 'Boston', '2025-06-02 09:00:00');

INSERT INTO order_items (id, order_id, product_id, quantity, unit_price) VALUES
  (1, 1, 6, 1, 45.00),
  (2, 2, 6, 2, 45.00),
  (3, 3, 14, 2, 59.00),
  (4, 4, 11, 2, 48.00),
  (5, 4, 9, 2, 58.00),
  (6, 4, 3, 1, 149.00),
  (7, 5, 14, 2, 59.00),
  (8, 5, 10, 2, 15.00),
  (9, 6, 14, 2, 59.00),
  (10, 6, 2, 1, 269.00),
  (11, 7, 4, 2, 89.00),
  (12, 8, 14, 1, 59.00),
  (13, 8, 3, 1, 149.00),
  (14, 9, 7, 1, 28.00),
  (15, 9, 13, 1, 8.00),
  (16, 10, 3, 2, 149.00),
  (17, 11, 13, 1, 8.00),
  (18, 12, 11, 1, 48.00),
  (19, 12, 6, 1, 45.00),
  (20, 13, 1, 1, 249.00),
  (21, 13, 13, 1, 8.00),
  (22, 13, 10, 1, 15.00),
  (23, 14, 8, 2, 18.00),
  (24, 15, 6, 1, 45.00),
  (25, 15, 14, 2, 59.00),
  (26, 15, 7, 2, 28.00),
  (27, 16, 1, 1, 249.00),
  (28, 17, 3, 1, 149.00),
  (29, 17, 14, 2, 59.00),
  (30, 18, 7, 2, 28.00),
  (31, 19, 6, 2, 45.00),
  (32, 20, 9, 1, 58.00),
  (33, 20, 10, 1, 15.00),
  (34, 20, 4, 2, 89.00),
  (35, 21, 7, 2, 28.00),
  (36, 22, 5, 1, 89.00),
  (37, 22, 2, 2, 269.00),
  (38, 23, 1, 1, 249.00),
  (39, 24, 9, 1, 58.00),
  (40, 25, 6, 2, 45.00),
  (41, 25, 10, 1, 15.00),
  (42, 25, 9, 1, 58.00),
  (43, 26, 10, 1, 15.00),
  (44, 27, 7, 1, 28.00),
  (45, 28, 4, 2, 89.00),
  (46, 29, 9, 1, 58.00),
  (47, 29, 1, 1, 249.00),
  (48, 29, 11, 1, 48.00),
  (49, 30, 6, 2, 45.00),
  (50, 31, 6, 2, 45.00),
  (51, 31, 13, 1, 8.00),
  (52, 31, 12, 2, 17.00),
  (53, 32, 1, 1, 249.00),
  (54, 32, 2, 2, 269.00),
  (55, 33, 8, 1, 18.00),
  (56, 33, 13, 2, 8.00),
  (57, 34, 2, 2, 269.00),
  (58, 35, 10, 2, 15.00),
  (59, 35, 14, 1, 59.00),
  (60, 35, 12, 1, 17.00),
  (61, 36, 9, 1, 58.00),
  (62, 36, 1, 2, 249.00),
  (63, 36, 11, 1, 48.00),
  (64, 37, 7, 2, 28.00),
  (65, 38, 1, 1, 249.00),
  (66, 39, 10, 2, 15.00),
  (67, 40, 1, 1, 249.00),
  (68, 40, 13, 1, 8.00),
  (69, 41, 8, 2, 18.00),
  (70, 42, 1, 1, 249.00),
  (71, 43, 13, 1, 8.00),
  (72, 44, 6, 1, 45.00);

INSERT INTO payments (id, order_id, kind, amount, processor_ref, created_at) VALUES
  (1, 1, 'sale', 45.00, 'ch_vt5zsk44kuk65r', '2025-05-04 17:00:00'),
  (2, 2, 'sale', 90.00, 'ch_147nnn2gjbu8y8', '2025-05-05 09:00:00'),
  (3, 3, 'sale', 118.00, 'ch_0bc9x6mhnb3md6', '2025-05-06 01:00:00'),
  (4, 4, 'sale', 361.00, 'ch_m3opkc4kosg83q', '2025-05-06 17:00:00'),
  (5, 5, 'sale', 148.00, 'ch_9zw4poksvzm5ma', '2025-05-07 09:00:00'),
  (6, 6, 'sale', 387.00, 'ch_1w47bka160dmog', '2025-05-08 01:00:00'),
  (7, 7, 'sale', 178.00, 'ch_23y1pvqqrexkjc', '2025-05-08 17:00:00'),
  (8, 8, 'sale', 203.00, 'ch_stsvoru53sxp2h', '2025-05-09 09:00:00'),
  (9, 9, 'sale', 36.00, 'ch_upzm85whqhu04q', '2025-05-10 01:00:00'),
  (10, 10, 'sale', 298.00, 'ch_1ahxlwuae4k59t', '2025-05-10 17:00:00'),
  (11, 11, 'sale', 8.00, 'ch_fbnb5mk09gac4n', '2025-05-11 09:00:00'),
  (12, 12, 'sale', 93.00, 'ch_c0c9j4w0rly5i3', '2025-05-12 01:00:00'),
  (13, 13, 'sale', 272.00, 'ch_gvpxe3l62n55mf', '2025-05-12 17:00:00'),
  (14, 14, 'sale', 36.00, 'ch_iaklxtsrx8ccmn', '2025-05-13 09:00:00'),
  (15, 15, 'sale', 219.00, 'ch_5d7drd10qtatge', '2025-05-14 01:00:00'),
  (16, 16, 'sale', 249.00, 'ch_22hzstnt53h6wt', '2025-05-14 17:00:00'),
  (17, 17, 'sale', 262.00, 'ch_ruo5l2rsifm6yu', '2025-05-15 09:00:00'),
  (18, 17, 'refund', 262.00, 'ch_31yqm7q860ih56', '2025-05-15 14:00:00'),
  (19, 18, 'sale', 56.00, 'ch_zrqffbxqyhksqk', '2025-05-16 01:00:00'),
  (20, 19, 'sale', 90.00, 'ch_3gxcgi9xr3j55s', '2025-05-16 17:00:00'),
  (21, 20, 'sale', 251.00, 'ch_4yixt27ou9egvv', '2025-05-17 09:00:00'),
  (22, 21, 'sale', 56.00, 'ch_tuvllj1bmr9rux', '2025-05-18 01:00:00'),
  (23, 22, 'sale', 627.00, 'ch_2a2m7rfg4ahx5a', '2025-05-18 17:00:00'),
  (24, 23, 'sale', 249.00, 'ch_b7pohryt7ge7yk', '2025-05-19 09:00:00'),
  (25, 24, 'sale', 58.00, 'ch_4x0d19loyctwfz', '2025-05-20 01:00:00'),
  (26, 25, 'sale', 163.00, 'ch_ma7wywqvbvjmht', '2025-05-20 17:00:00'),
  (27, 26, 'sale', 10.00, 'ch_eu2ie53zelp0ev', '2025-05-21 09:00:00'),
  (28, 27, 'sale', 28.00, 'ch_ngkix5hkph0csd', '2025-05-22 01:00:00'),
  (29, 28, 'sale', 178.00, 'ch_a92rgb3aubng03', '2025-05-22 17:00:00'),
  (30, 29, 'sale', 355.00, 'ch_nqtv9zbo7s1ip5', '2025-05-23 09:00:00'),
  (31, 30, 'sale', 90.00, 'ch_83gqvl8qs28ohj', '2025-05-24 01:00:00'),
  (32, 31, 'sale', 132.00, 'ch_l073fc0trhbsr0', '2025-05-24 17:00:00'),
  (33, 32, 'sale', 787.00, 'ch_1epwl9x8kuk9i4', '2025-05-25 09:00:00'),
  (34, 33, 'sale', 34.00, 'ch_1wprpbkb5438bz', '2025-05-26 01:00:00'),
  (35, 34, 'sale', 538.00, 'ch_4amy2hbf55hilv', '2025-05-26 17:00:00'),
  (36, 35, 'sale', 101.00, 'ch_7j9mrl7v6hmh9n', '2025-05-27 09:00:00'),
  (37, 36, 'sale', 604.00, 'ch_mrappuhnerh0p2', '2025-05-28 01:00:00'),
  (38, 37, 'sale', 56.00, 'ch_g1fc7jte4lcagt', '2025-05-28 17:00:00'),
  (39, 38, 'sale', 224.10, 'ch_ezcz1eq6on8r4j', '2025-05-29 09:00:00'),
  (40, 38, 'sale', 224.10, 'ch_rwgkmus8vab3w9', '2025-05-29 09:00:04'),
  (41, 38, 'refund', 224.10, 'ch_oyc0vwmh4i2xlo', '2025-05-30 15:00:00'),
  (42, 39, 'sale', 30.00, 'ch_48fujmuqwp5ecd', '2025-05-30 01:00:00'),
  (43, 40, 'sale', 231.30, 'ch_e1fec9dvtuf422', '2025-05-30 17:00:00'),
  (44, 40, 'sale', 231.30, 'ch_4b8qybadz1p7t2', '2025-05-30 17:00:03'),
  (45, 41, 'sale', 36.00, 'ch_bvefxccgtox4dw', '2025-05-31 09:00:00'),
  (46, 42, 'sale', 224.10, 'ch_2htg5f4gnaq1ha', '2025-06-01 01:00:00'),
  (47, 42, 'sale', 224.10, 'ch_3iwqbhtf6rggi5', '2025-06-01 01:00:04'),
  (48, 42, 'refund', 224.10, 'ch_88a2huzzyss4ry', '2025-06-01 21:00:00'),
  (49, 44, 'sale', 40.00, 'ch_65smgdy4p1rfwl', '2025-06-02 09:00:00');

INSERT INTO support_tickets (id, ticket_key, customer_id, order_id, subject, status, priority, channel, assignee, body, created_at, updated_at) VALUES
  (1, 'SUP-2031', 7, 9, 'Where is my order?', 'solved', 'normal', 'email', 'dave@acme.test', 'Tracking has not updated for five days.', '2025-05-12 16:00:00', '2025-05-13 22:00:00'),
  (2, 'SUP-2032', 5, 17, 'Wrong grind size ordered', 'solved', 'normal', 'chat', 'dave@acme.test', 'I picked the wrong grind size; please cancel before it ships. Cancelled and refunded.', '2025-05-15 07:00:00', '2025-05-15 12:00:00'),
  (3, 'SUP-2033', 3, NULL, 'Kettle stopped heating', 'pending', 'normal', 'email', 'dave@acme.test', 'My gooseneck kettle turns on but no longer heats. Warranty replacement requested.', '2025-05-21 00:00:00', '2025-05-28 12:00:00'),
  (4, 'SUP-2034', 11, NULL, 'Invoice with VAT number', 'solved', 'low', 'email', 'dave@acme.test', 'Please reissue my invoice with our company VAT number.', '2025-05-22 16:00:00', '2025-05-23 12:00:00'),
  (5, 'SUP-2035', 6, NULL, 'Decaf back in stock?', 'open', 'low', 'chat', NULL, 'Will the Colombia Decaf 250g be restocked soon?', '2025-05-29 18:00:00', '2025-05-29 18:00:00'),
  (6, 'SUP-2036', 10, 36, 'Scale missing from my order', 'pending', 'normal', 'email', 'dave@acme.test', 'Only part of my order arrived. The scale is back-ordered and ships when stock arrives.', '2025-05-28 07:00:00', '2025-05-29 08:00:00'),
  (7, 'SUP-2037', 2, 38, 'Charged twice for order #1038', 'solved', 'high', 'email', 'dave@acme.test', 'I used code BREW10 and see two identical charges. Duplicate refunded; root cause tracked in ACME-142.', '2025-05-29 03:00:00', '2025-05-30 09:00:00'),
  (8, 'SUP-2038', 13, 42, 'Charged twice for my order #1042', 'solved', 'high', 'email', 'dave@acme.test', 'I bought the Acme Brew Pro grinder with the discount code BREW10 and my card was charged $224.10 twice. Duplicate refunded by Dave; engineering fix in GitHub acme/storefront#91 (ACME-142).', '2025-06-01 16:00:00', '2025-06-01 22:00:00'),
  (9, 'SUP-2039', 9, 40, 'Two charges on my card after using BREW10', 'open', 'high', 'chat', 'dave@acme.test', 'Two charges of $231.30 a few seconds apart. Same checkout bug as ACME-142; refund pending.', '2025-05-30 19:00:00', '2025-06-02 02:00:00'),
  (10, 'SUP-2040', 12, NULL, 'Pre-order the Acme Brew Pro in steel?', 'open', 'normal', 'email', NULL, 'Can I pre-order the Brushed Steel Acme Brew Pro? It shows only 7 in stock.', '2025-06-01 16:00:00', '2025-06-01 16:00:00'),
  (11, 'SUP-2041', 8, NULL, 'Change shipping address', 'solved', 'normal', 'chat', 'dave@acme.test', 'Please ship to my office instead. Updated before fulfilment.', '2025-05-25 04:00:00', '2025-05-25 06:00:00'),
  (12, 'SUP-2042', 4, NULL, 'Grinder makes a clicking noise', 'pending', 'normal', 'email', 'dave@acme.test', 'The Classic grinder clicks on the finest setting. Asked for a video.', '2025-05-31 10:00:00', '2025-06-01 06:00:00');

-- MariaDB/MySQL only: move the dates so the newest order is from a few hours ago. UTC, as the SQLite copy and the
-- digest read them, whatever time zone the database server runs in.
SET @shift_hours := TIMESTAMPDIFF(HOUR, '2025-06-02 12:00:00', UTC_TIMESTAMP());
UPDATE customers SET created_at = created_at + INTERVAL @shift_hours HOUR;
UPDATE orders SET created_at = created_at + INTERVAL @shift_hours HOUR;
UPDATE payments SET created_at = created_at + INTERVAL @shift_hours HOUR;
UPDATE support_tickets SET created_at = created_at + INTERVAL @shift_hours HOUR, updated_at = updated_at + INTERVAL @shift_hours HOUR;
UPDATE products SET launched_on = DATE_ADD(launched_on, INTERVAL FLOOR(@shift_hours / 24) DAY);
